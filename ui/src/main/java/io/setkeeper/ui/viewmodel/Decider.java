package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.AuditRecord;
import io.setkeeper.ui.client.Me;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Who this station decides as (the token's user and role from {@code /api/users/me}), the reason being typed, and
 * the decision itself ({@code POST /api/decisions}). Used by the fixes and flags screens; the appliance has the
 * last word (a refusal is shown as it words it).
 */
public final class Decider {
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String ACCEPT_AS_INTENT = "ACCEPT_AS_INTENT";

    private final ConnectionViewModel connection;
    private final Async async;
    private final ObjectProperty<Me> me = new SimpleObjectProperty<>();
    private final BooleanProperty allowed = new SimpleBooleanProperty(false);
    private final StringProperty who = new SimpleStringProperty("Connect first.");
    private final StringProperty reason = new SimpleStringProperty("");

    public Decider(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
    }

    /** Asks the appliance whose token this is. */
    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (c.isEmpty()) {
            set(null, "Connect first.");
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().me(), m -> set(m.orElse(null), m.map(Decider::describe).orElse(
                "This station has no user token: it can look, not decide. Connect with the token of a DIT, "
                        + "director or script supervisor to decide.")), e -> set(null, e.getMessage()));
    }

    /**
     * Records a decision on a subject ({@code FIX} or {@code FLAG}) with the typed reason; {@code done} gets the
     * audit record, {@code failed} the appliance's refusal in words.
     */
    public CompletableFuture<Void> decide(String subjectType, String subjectId, String decision,
                                          Consumer<AuditRecord> done, Consumer<String> failed) {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        String why = reason.get() == null ? "" : reason.get().strip();
        if (c.isEmpty() || !allowed.get() || why.isEmpty()) {
            failed.accept(why.isEmpty() ? "Write the reason first: it goes into the audit log." : who.get());
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().decide(subjectType, subjectId, decision, why), r -> {
            reason.set("");
            done.accept(r);
        }, e -> failed.accept(e.getMessage()));
    }

    private void set(Me m, String text) {
        me.set(m);
        allowed.set(m != null && m.canDecide());
        who.set(text);
    }

    private static String describe(Me m) {
        return m.canDecide() ? "Deciding as " + m.name() + " (" + role(m.role()) + ")."
                : m.name() + " is a " + role(m.role()) + ": only a DIT, the director or a script supervisor may "
                + "decide. The buttons stay off.";
    }

    /** "DIT", "director", "script supervisor", "viewer", "admin". */
    static String role(String role) {
        return switch (role) {
            case "DIT" -> "DIT";
            case "SUPERVISOR" -> "script supervisor";
            default -> role.toLowerCase(java.util.Locale.ROOT);
        };
    }

    public ObjectProperty<Me> me() {
        return me;
    }

    /** True when the token's role may decide. */
    public BooleanProperty allowed() {
        return allowed;
    }

    /** Who decides, or why this station may not, in words. */
    public StringProperty who() {
        return who;
    }

    public StringProperty reason() {
        return reason;
    }
}
