package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.FlagInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Flags inbox: continuity and QC flags as they arrive (the list, then the appliance's flag stream; no
 * refresh needed: the {@code raised} and {@code decided} events update it), the chosen flag's numbers and its
 * side-by-side evidence, and the decision controls for a role that may decide.
 */
public final class FlagsViewModel {
    private final ConnectionViewModel connection;
    private final Async async;
    private final Decider decider;
    private final ObservableList<FlagRow> flags = FXCollections.observableArrayList();
    private final ObjectProperty<FlagRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<DetailLine> numbers = FXCollections.observableArrayList();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("Flags inbox: connect to an appliance first.");
    private final BooleanBinding canDecide;
    private ApplianceClient following;

    public FlagsViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
        this.decider = new Decider(connection, async);
        this.canDecide = Bindings.createBooleanBinding(() -> decider.allowed().get() && selected.get() != null
                && selected.get().open() && !decider.reason().get().isBlank(), decider.allowed(), selected,
                decider.reason());
        selected.addListener((o, a, b) -> open(b));
    }

    /** Loads the inbox and, the first time for a connection, follows the flag stream. */
    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        Optional<String> production = connection.productionId();
        decider.refresh();
        if (c.isEmpty() || production.isEmpty()) {
            available.set(false);
            flags.clear();
            message.set("Flags inbox: connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().flags(), list -> {
            show(list);
            if (following != c.get()) {
                follow(c.get());
            }
        }, e -> message.set(e.getMessage()));
    }

    /** Shows the appliance's flags, newest first. */
    public void show(List<FlagInfo> list) {
        available.set(true);
        String keep = selected.get() == null ? null : selected.get().id();
        flags.setAll(list.reversed().stream().map(FlagRow::of).toList());
        selected.set(flags.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
        message.set(summary());
    }

    /** A flag arrived on the stream: replaced in place or added first. */
    public void receive(FlagInfo f) {
        String keep = selected.get() == null ? null : selected.get().id();
        flags.setAll(FlagRow.upsert(flags, f));
        if (f.id().equals(keep)) {
            selected.set(flags.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
        }
        available.set(true);
        message.set(summary());
    }

    /** Approves, rejects or accepts as creative intent the chosen flag with the typed reason. */
    public CompletableFuture<Void> decide(String decision) {
        FlagRow row = selected.get();
        if (row == null) {
            message.set("Choose a flag first.");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> after = new CompletableFuture<>();
        decider.decide("FLAG", row.id(), decision, r -> {
            message.set(FixRow.status(r.decision()) + ": " + row.id() + " by " + r.decidedBy() + " ("
                    + Decider.role(r.role()) + "), recorded in the audit log as #" + r.seq() + ".");
            after.complete(null);
        }, why -> {
            message.set(why);
            after.complete(null);
        });
        return after;
    }

    private String summary() {
        long open = flags.stream().filter(FlagRow::open).count();
        return flags.isEmpty() ? "No flags: the continuity checks found nothing to look at in the analysed takes."
                : flags.size() + (flags.size() == 1 ? " flag, "
                : " flags, ") + open + " open.";
    }

    private void follow(ApplianceClient client) {
        following = client;
        async.run(() -> {
            client.followFlags(f -> async.onUi(() -> receive(f)));
            return null;
        }, x -> { }, e -> {
            if (following == client) {
                following = null;
            }
        });
    }

    private void open(FlagRow row) {
        evidence.clear();
        if (row == null) {
            numbers.clear();
            return;
        }
        FlagInfo f = row.flag();
        List<DetailLine> lines = new ArrayList<>();
        lines.add(new DetailLine("Flag", f.id() + " (" + row.kind() + ")"));
        lines.add(new DetailLine("State", row.state()));
        f.decision().ifPresent(d -> lines.add(decided(d)));
        lines.add(new DetailLine("Why", f.summary()));
        lines.add(new DetailLine("Clips", row.clips()));
        f.scene().ifPresent(s -> lines.add(new DetailLine("Scene", s)));
        f.setup().ifPresent(s -> lines.add(new DetailLine("Setup", s)));
        f.subject().ifPresent(s -> lines.add(new DetailLine("About", s)));
        f.numbers().forEach((k, v) -> lines.add(new DetailLine(k, v)));
        numbers.setAll(lines);
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (c.isPresent() && !row.open() && f.decision().isEmpty()) {
            // the list and the stream carry the state; who decided and why come with the flag itself
            async.run(() -> c.get().flag(f.id()), one -> one.flatMap(FlagInfo::decision).ifPresent(d -> {
                if (selected.get() == row) {
                    numbers.add(2, decided(d));
                }
            }), e -> message.set(e.getMessage()));
        }
        List<String> stills = f.evidence().stream().filter(e -> e.startsWith("/api/")).toList();
        if (c.isEmpty() || stills.isEmpty()) {
            return;
        }
        async.run(() -> Evidence.load(c.get(), stills, i -> String.join(" | ", f.clips())), out -> {
            if (selected.get() == row) {
                evidence.setAll(out);
            }
        }, e -> message.set(e.getMessage()));
    }

    private static DetailLine decided(FlagInfo.Decision d) {
        return new DetailLine("Decided by", d.decidedBy() + " (" + Decider.role(d.role()) + "): " + d.reason());
    }

    public ObservableList<FlagRow> flags() {
        return flags;
    }

    public ObjectProperty<FlagRow> selected() {
        return selected;
    }

    public ObservableList<DetailLine> numbers() {
        return numbers;
    }

    public ObservableList<Evidence> evidence() {
        return evidence;
    }

    public BooleanProperty available() {
        return available;
    }

    public StringProperty message() {
        return message;
    }

    public Decider decider() {
        return decider;
    }

    public BooleanBinding canDecide() {
        return canDecide;
    }
}
