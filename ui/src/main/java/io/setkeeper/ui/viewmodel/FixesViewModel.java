package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.FixInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fixes screen: the proposed fixes (kind, clip, verdict and reason, status), the selected one's before / after
 * (its evidence stills when the appliance serves them, else its numbers, e.g. the CDL) and the decision controls,
 * which work only for a role that may decide, on a fix not decided yet, with a reason.
 */
public final class FixesViewModel {
    private final ConnectionViewModel connection;
    private final Async async;
    private final Decider decider;
    private final ObservableList<FixRow> fixes = FXCollections.observableArrayList();
    private final ObjectProperty<FixRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<DetailLine> numbers = FXCollections.observableArrayList();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canDecide;
    private final StringBinding hint;

    public FixesViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
        this.decider = new Decider(connection, async);
        this.canDecide = Bindings.createBooleanBinding(() -> decider.allowed().get() && selected.get() != null
                        && !selected.get().fix().decided() && !decider.reason().get().isBlank(),
                decider.allowed(), selected, decider.reason());
        this.hint = Bindings.createStringBinding(() -> {
            if (!decider.allowed().get()) {
                return decider.who().get();
            }
            if (selected.get() == null) {
                return "Choose a fix.";
            }
            if (selected.get().fix().decided()) {
                return "Already decided: " + selected.get().status() + ", " + selected.get().reason() + ".";
            }
            return decider.reason().get().isBlank() ? "Write the reason, then approve, reject or accept as intent."
                    : decider.who().get();
        }, decider.allowed(), decider.who(), selected, decider.reason());
        selected.addListener((o, a, b) -> open(b));
    }

    /** Reloads the fixes and who this station decides as. */
    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        decider.refresh();
        if (c.isEmpty()) {
            fixes.clear();
            message.set("Connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        String keep = selected.get() == null ? null : selected.get().id();
        return async.run(() -> c.get().fixes(), list -> {
            fixes.setAll(list.stream().map(FixRow::of).toList());
            selected.set(fixes.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
            long waiting = list.stream().filter(f -> !f.decided()).count();
            message.set(list.isEmpty() ? "No fixes proposed yet." : list.size()
                    + (list.size() == 1 ? " fix, " : " fixes, ") + waiting + " waiting for a decision.");
        }, e -> message.set(e.getMessage()));
    }

    /** Approves, rejects or accepts as creative intent the selected fix with the typed reason. */
    public CompletableFuture<Void> decide(String decision) {
        FixRow row = selected.get();
        if (row == null) {
            message.set("Choose a fix first.");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> after = new CompletableFuture<>();
        decider.decide("FIX", row.id(), decision, r -> {
            message.set(FixRow.status(r.decision()).substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + FixRow.status(r.decision()).substring(1) + ": " + row.id() + " by " + r.decidedBy() + " ("
                    + Decider.role(r.role()) + "), recorded in the audit log as #" + r.seq() + ".");
            String text = message.get();
            refresh().whenComplete((x, e) -> {
                message.set(text);
                after.complete(null);
            });
        }, why -> {
            message.set(why);
            after.complete(null);
        });
        return after;
    }

    private void open(FixRow row) {
        evidence.clear();
        if (row == null) {
            numbers.clear();
            return;
        }
        FixInfo f = row.fix();
        List<DetailLine> lines = new ArrayList<>();
        lines.add(new DetailLine("Fix", f.id() + " (" + FixRow.kindWords(f.kind()) + ")"));
        lines.add(new DetailLine("Clip", f.clip() + (row.shot().isEmpty() ? "" : ", " + row.shot())));
        f.verdict().ifPresent(v -> lines.add(new DetailLine("Verdict", f.verdictReason()
                .filter(r -> r.toLowerCase(java.util.Locale.ROOT).startsWith(row.verdict())).orElse(row.verdict()
                        + f.verdictReason().map(r -> ": " + r).orElse("")))));
        f.reference().ifPresent(r -> lines.add(new DetailLine("Reference", r)));
        f.numbers().forEach((k, v) -> lines.add(new DetailLine(k, v)));
        f.modelVersion().ifPresent(m -> lines.add(new DetailLine("Model version", m)));
        lines.add(new DetailLine("Proposed by", f.proposedBy()));
        f.decision().ifPresent(d -> lines.add(new DetailLine("Decision", FixRow.status(d.decision()) + " by "
                + d.decidedBy() + " (" + Decider.role(d.role()) + ") at " + d.decidedAt() + ": " + d.reason())));
        f.evidence().stream().filter(e -> !e.startsWith("/api/"))
                .forEach(e -> lines.add(new DetailLine("Evidence", e)));
        numbers.setAll(lines);
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        List<String> stills = f.evidence().stream().filter(e -> e.startsWith("/api/")).toList();
        if (c.isEmpty() || stills.isEmpty()) {
            return;
        }
        async.run(() -> Evidence.load(c.get(), stills, i -> stills.size() == 2 ? (i == 0 ? "before" : "after")
                : "evidence " + (i + 1)), out -> {
            if (selected.get() == row) {
                evidence.setAll(out);
            }
        }, e -> message.set(e.getMessage()));
    }

    public ObservableList<FixRow> fixes() {
        return fixes;
    }

    public ObjectProperty<FixRow> selected() {
        return selected;
    }

    /** The selected fix's lines: what, clip, verdict, its numbers (before / after when there are no stills). */
    public ObservableList<DetailLine> numbers() {
        return numbers;
    }

    public ObservableList<Evidence> evidence() {
        return evidence;
    }

    public Decider decider() {
        return decider;
    }

    public BooleanBinding canDecide() {
        return canDecide;
    }

    /** Why the buttons are off, or who decides. */
    public StringBinding hint() {
        return hint;
    }

    public StringProperty message() {
        return message;
    }
}
