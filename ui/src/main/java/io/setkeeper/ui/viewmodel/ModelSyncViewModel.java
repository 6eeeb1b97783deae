package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.ModelState;
import io.setkeeper.ui.client.ModelVersionInfo;
import io.setkeeper.ui.client.Prediction;
import io.setkeeper.ui.client.SyncState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Model and sync screen: the production model's state and metrics, its versions with lineage and the active
 * one, cutting a version (for a role that may decide), each learned clip's prediction; and what the outbox holds for
 * post: queued, published, confirmed, dropped, with the last receipts.
 */
public final class ModelSyncViewModel {
    private final ConnectionViewModel connection;
    private final Async async;
    private final Decider decider;
    private final ObservableList<DetailLine> model = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<PredictionRow> predictions = FXCollections.observableArrayList();
    private final ObservableList<DetailLine> sync = FXCollections.observableArrayList();
    private final StringProperty cutReason = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canCut;

    public ModelSyncViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
        this.decider = new Decider(connection, async);
        this.canCut = Bindings.createBooleanBinding(() -> decider.allowed().get() && !cutReason.get().isBlank(),
                decider.allowed(), cutReason);
    }

    /** Reloads model, versions, predictions and the outbox. */
    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        decider.refresh();
        if (c.isEmpty()) {
            message.set("Connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        record Answer(ModelState model, List<ModelVersionInfo> versions, List<Prediction> predictions,
                      Optional<SyncState> sync) {
        }
        return async.run(() -> new Answer(c.get().model(), c.get().modelVersions(), c.get().predictions(),
                c.get().sync()), a -> {
            model.setAll(modelLines(a.model()));
            versions.setAll(a.versions().stream().map(VersionRow::of).toList());
            predictions.setAll(a.predictions().stream().map(PredictionRow::of).toList());
            sync.setAll(a.sync().map(ModelSyncViewModel::syncLines).orElse(List.of(new DetailLine("Sync",
                    "not available from this appliance yet (it answers 404 on /api/sync)"))));
            message.set(a.versions().isEmpty() ? "No version cut yet: a version is cut when a card's clips are learned."
                    : a.versions().size() + (a.versions().size() == 1 ? " version" : " versions") + ", active: "
                    + a.model().activeVersion().orElse("none") + ".");
        }, e -> message.set(e.getMessage()));
    }

    /** Cuts a version of the live model with the typed reason. */
    public CompletableFuture<Void> cut() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        String why = cutReason.get().strip();
        if (c.isEmpty() || !canCut.get()) {
            message.set(why.isEmpty() ? "Write why the version is cut first." : decider.who().get());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> after = new CompletableFuture<>();
        async.run(() -> c.get().cutVersion(why), v -> {
            cutReason.set("");
            String text = "Cut " + v.id() + v.parent().map(p -> " from " + p).orElse("") + ": " + v.reason() + ".";
            refresh().whenComplete((x, e) -> {
                message.set(text);
                after.complete(null);
            });
        }, e -> {
            message.set(e.getMessage());
            after.complete(null);
        });
        return after;
    }

    static List<DetailLine> modelLines(ModelState m) {
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("Active version", m.activeVersion().orElse("none yet")));
        m.problem().ifPresent(p -> out.add(new DetailLine("Problem", p)));
        out.add(new DetailLine("Clips learned", Integer.toString(m.clips())));
        out.add(new DetailLine("Characters", m.characters().isEmpty() ? "none named yet"
                : String.join(", ", m.characters())));
        out.add(new DetailLine("Setups", m.setups().isEmpty() ? "none yet" : String.join(", ", m.setups())));
        out.add(new DetailLine("Unknown below", Math.round(m.characterThreshold() * 100) / 100.0 + ""));
        m.metrics().forEach((k, v) -> out.add(new DetailLine(k, v)));
        return out;
    }

    static List<DetailLine> syncLines(SyncState s) {
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("Publisher", s.publishing() ? "running" : "off (sync not enabled on this appliance)"));
        out.add(new DetailLine("Queued", s.queued() + " waiting to be sent"));
        out.add(new DetailLine("Published", s.published() + " sent, no receipt yet"));
        out.add(new DetailLine("Reached post", s.confirmed() + " confirmed by a delivery receipt"));
        out.add(new DetailLine("Failed", s.dropped() + " dropped"));
        s.lastConfirmed().forEach(l -> out.add(new DetailLine("Receipt", l.schema() + " at " + l.at()
                + l.detail().map(d -> " (" + d + ")").orElse(""))));
        s.lastDropped().forEach(l -> out.add(new DetailLine("Dropped", l.schema() + " at " + l.at()
                + l.detail().map(d -> ": " + d).orElse(""))));
        return out;
    }

    public ObservableList<DetailLine> model() {
        return model;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    public ObservableList<PredictionRow> predictions() {
        return predictions;
    }

    public ObservableList<DetailLine> sync() {
        return sync;
    }

    public StringProperty cutReason() {
        return cutReason;
    }

    public BooleanBinding canCut() {
        return canCut;
    }

    public Decider decider() {
        return decider;
    }

    public StringProperty message() {
        return message;
    }
}
