package io.setkeeper.appliance.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.outbox.CapacityPolicy;
import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.appliance.store.ReviewStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.messages.Schemas;
import io.setkeeper.protocol.topics.TopicScheme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox receives approvals only, each once: an approval recorded while no outbox was attached (a crash between
 * the audit log and the outbox) is enqueued when the gate attaches, and never again after that.
 */
class OutboxGateTest {
    @TempDir
    Path dir;

    private static final User DIT = new User("u1", "Ana", Role.DIT, Instant.EPOCH);

    private static Fix cdl(String id, String clip) {
        return new Fix.CdlFix(id, new ClipRef(clip, null, "5", "1", true, 0, 24),
                Cdl.of("", new Rgb(1.1, 1, 0.9), Rgb.all(0), Rgb.all(1), 1), "scene 5",
                new Verdict(Verdict.Kind.FIXABLE_IN_POST, "delta E 1.0"), List.of("s1"));
    }

    private static List<Envelope> approvals(OutboxStore store) {
        JsonCodec codec = new JsonCodec();
        return store.all().stream().filter(r -> r.schema().equals(Schemas.FIX_APPROVED))
                .map(r -> codec.decode(r.payload())).toList();
    }

    private static Outbox outbox(OutboxStore store) {
        return new Outbox(store, new JsonCodec(), TopicScheme.DEFAULT, "prod", "cart", new CapacityPolicy(1000),
                Clock.systemUTC());
    }

    @Test
    void anApprovalMissedByACrashIsEnqueuedOnceAtTheNextStart() {
        try (Database db = Database.open(dir)) {
            ReviewService review = new ReviewService(new ReviewStore(db), Clock.systemUTC());
            review.propose(cdl("fix-1", "A001C001"), ReviewService.MACHINE, "looks-v1");
            review.propose(cdl("fix-2", "A001C002"), ReviewService.MACHINE, "looks-v1");
            review.propose(cdl("fix-3", "A001C003"), ReviewService.MACHINE, "looks-v1");
            Decision approved = review.decide(DIT, Subject.Type.FIX, "fix-1", "APPROVE", "good");
            review.decide(DIT, Subject.Type.FIX, "fix-2", "REJECT", "no");
            OutboxStore store = new OutboxStore(db);
            assertEquals(0, store.all().size());

            OutboxGate.attach(review, outbox(store));
            List<Envelope> sent = approvals(store);
            assertEquals(1, sent.size());
            assertEquals("fix-1", ((FixApproved) sent.get(0).body()).fixId());
            assertEquals(approved.id(), sent.get(0).correlationId());
            assertEquals(1, store.all().size(), "the rejection is not sent");

            // a restart: a new service and gate over the same file send nothing again
            ReviewService again = new ReviewService(new ReviewStore(db), Clock.systemUTC());
            OutboxGate.attach(again, outbox(store));
            assertEquals(1, approvals(store).size());

            again.decide(DIT, Subject.Type.FIX, "fix-3", "APPROVE", "also good");
            assertEquals(List.of("fix-1", "fix-3"), approvals(store).stream()
                    .map(e -> ((FixApproved) e.body()).fixId()).toList());
        }
    }
}
