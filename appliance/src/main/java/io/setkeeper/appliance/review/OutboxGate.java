package io.setkeeper.appliance.review;

import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.protocol.messages.FlagDecided;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The only way a fix reaches the outbox: takes an {@link ApprovedFix} (which only an approval decision can make)
 * and enqueues its FixApproved message. Decisions on flags go out as FlagDecided.
 */
public final class OutboxGate implements Consumer<ApprovedFix> {
    private static final Logger LOG = Logger.getLogger(OutboxGate.class.getName());

    private final Outbox outbox;

    public OutboxGate(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Connects the gate to a review service: approvals and flag decisions are enqueued as they are recorded. */
    public static OutboxGate attach(ReviewService review, Outbox outbox) {
        OutboxGate gate = new OutboxGate(outbox);
        review.onApproved(gate);
        review.onDecided(gate::flagDecided);
        return gate;
    }

    @Override
    public void accept(ApprovedFix approved) {
        Outbox.Enqueued e = outbox.enqueue(approved.toMessage());
        if (!e.stored()) {
            LOG.severe(() -> "the outbox refused approved fix " + approved.fix().id() + ": " + e.admission());
        }
    }

    void flagDecided(Decision d) {
        if (d.subjectType() == Subject.Type.FLAG) {
            outbox.enqueue(new FlagDecided(d.subjectId(), d.decision().name().toLowerCase(Locale.ROOT), d.decidedBy(),
                    d.role().name(), d.reason()));
        }
    }
}
