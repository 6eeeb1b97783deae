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

    private final ReviewService review;
    private final Outbox outbox;

    private OutboxGate(ReviewService review, Outbox outbox) {
        this.review = review;
        this.outbox = outbox;
    }

    /**
     * Connects the gate to a review service: first enqueues what was decided but never reached the outbox (a crash
     * in between), then every approval and flag decision as it is recorded. The envelope's correlation id is the
     * decision id.
     */
    public static OutboxGate attach(ReviewService review, Outbox outbox) {
        OutboxGate gate = new OutboxGate(review, outbox);
        review.replayUnsent(gate, gate::flagDecided);
        review.onApproved(gate);
        review.onDecided(gate::flagDecided);
        return gate;
    }

    @Override
    public void accept(ApprovedFix approved) {
        Outbox.Enqueued e = outbox.enqueue(approved.toMessage(), approved.decision().id(), null);
        if (e.stored()) {
            review.markSent(approved.decision(), e.messageId());
        } else {
            LOG.severe(() -> "the outbox refused approved fix " + approved.fix().id() + ": " + e.admission()
                    + "; it is enqueued again at the next start");
        }
    }

    void flagDecided(Decision d) {
        if (d.subjectType() == Subject.Type.FLAG) {
            Outbox.Enqueued e = outbox.enqueue(new FlagDecided(d.subjectId(),
                    d.decision().name().toLowerCase(Locale.ROOT), d.decidedBy(), d.role().name(), d.reason()),
                    d.id(), null);
            if (e.stored()) {
                review.markSent(d, e.messageId());
            }
        }
    }
}
