package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApiException;
import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.Production;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connect screen: the appliance's address and the user's token, the connection state, the productions the
 * appliance knows and the one this station works on. Other screens follow {@link #client()} and
 * {@link #production()}.
 */
public final class ConnectionViewModel {
    private final Async async;
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final StringProperty message = new SimpleStringProperty("Type the appliance's address and connect.");
    private final ObservableList<Production> productions = FXCollections.observableArrayList();
    private final ObjectProperty<Production> production = new SimpleObjectProperty<>();
    private final ObjectProperty<ApplianceClient> client = new SimpleObjectProperty<>();

    public ConnectionViewModel(Async async) {
        this.async = async;
    }

    /** Connects: checks the appliance is ready and lists its productions. */
    public CompletableFuture<Void> connect() {
        state.set(ConnectionState.CONNECTING);
        message.set("Connecting to " + address.get().strip() + "…");
        String a = address.get();
        String t = token.get();
        record Answer(ApplianceClient client, List<Production> productions) {
        }
        return async.run(() -> {
            ApplianceClient c = ApplianceClient.of(a, t);
            try {
                c.ready();
                return new Answer(c, c.productions());
            } catch (ApiException e) {
                c.close();
                throw e;
            }
        }, answer -> {
            Optional.ofNullable(client.get()).ifPresent(ApplianceClient::close);
            String keep = production.get() == null ? null : production.get().id();
            productions.setAll(answer.productions());
            client.set(answer.client());
            production.set(answer.productions().stream().filter(p -> p.id().equals(keep)).findFirst()
                    .orElse(answer.productions().isEmpty() ? null : answer.productions().getFirst()));
            state.set(ConnectionState.CONNECTED);
            message.set("Connected to " + answer.client().base().getAuthority()
                    + (production.get() == null ? ", which has no production yet."
                    : ". Production: " + production.get().name() + "."));
        }, e -> {
            state.set(ConnectionState.FAILED);
            message.set(e.getMessage());
        });
    }

    /** Forgets the appliance. */
    public void disconnect() {
        Optional.ofNullable(client.get()).ifPresent(ApplianceClient::close);
        client.set(null);
        productions.clear();
        production.set(null);
        state.set(ConnectionState.DISCONNECTED);
        message.set("Disconnected.");
    }

    public StringProperty address() {
        return address;
    }

    public StringProperty token() {
        return token;
    }

    public ObjectProperty<ConnectionState> state() {
        return state;
    }

    public StringProperty message() {
        return message;
    }

    public ObservableList<Production> productions() {
        return productions;
    }

    public ObjectProperty<Production> production() {
        return production;
    }

    public ObjectProperty<ApplianceClient> client() {
        return client;
    }

    /** The production's id, or empty while not connected. */
    public Optional<String> productionId() {
        return Optional.ofNullable(production.get()).map(Production::id);
    }
}
