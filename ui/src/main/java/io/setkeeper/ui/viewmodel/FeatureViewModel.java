package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Availability;
import io.setkeeper.ui.client.Feature;
import io.setkeeper.ui.client.FeatureClient;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A screen whose appliance API does not exist yet (flags inbox, coverage board, fixes, model and sync): it asks
 * the appliance whether it serves the feature and says so in words. It never shows made-up data.
 */
public final class FeatureViewModel {
    private final Feature feature;
    private final ConnectionViewModel connection;
    private final Async async;
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty();

    public FeatureViewModel(Feature feature, ConnectionViewModel connection, Async async) {
        this.feature = feature;
        this.connection = connection;
        this.async = async;
        message.set(feature.title() + ": connect to an appliance first.");
    }

    /** Asks the connected appliance. */
    public CompletableFuture<Void> check() {
        Optional<FeatureClient> c = Optional.ofNullable(connection.client().get());
        if (c.isEmpty()) {
            available.set(false);
            message.set(feature.title() + ": connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().availability(feature), a -> {
            switch (a) {
                case Availability.Available ok -> {
                    available.set(true);
                    message.set(feature.title() + ": this appliance serves " + ok.path()
                            + ", but this station version cannot show it yet. Update the station.");
                }
                case Availability.NotAvailable no -> {
                    available.set(false);
                    message.set(feature.title() + ": " + no.reason() + ".");
                }
            }
        }, e -> message.set(e.getMessage()));
    }

    public Feature feature() {
        return feature;
    }

    public BooleanProperty available() {
        return available;
    }

    public StringProperty message() {
        return message;
    }
}
