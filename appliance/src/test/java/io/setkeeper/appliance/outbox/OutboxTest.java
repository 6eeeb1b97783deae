package io.setkeeper.appliance.outbox;

import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.messages.ApplianceStatus;
import io.setkeeper.protocol.messages.Approval;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.messages.FlagRaised;
import io.setkeeper.protocol.topics.TopicScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox on a real H2 file: capacity, receipts, expiry, housekeeping, artefact rows. */
class OutboxTest {
    @TempDir
    Path dir;
    private Database db;
    private OutboxStore store;
    private MutableClock clock;
    private Outbox outbox;

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static FixApproved fix(String id) {
        return new FixApproved(id, "cdl", "A001C001", null, null, Map.of("slope", "1 1 1"),
                new Approval("Ann", "DIT", "ok", Instant.parse("2026-11-21T09:00:00Z")), null);
    }

    static ApplianceStatus status(int n) {
        return new ApplianceStatus("online", "0.1.0", n, 1000);
    }

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        store = new OutboxStore(db);
        clock = new MutableClock();
        outbox = new Outbox(store, new JsonCodec(), TopicScheme.DEFAULT, "prod", "cart-a", new CapacityPolicy(5),
                clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenAFullOutboxWhenApprovalsArriveThenStatusIsShedAndNoApprovalIsEverDropped() {
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(status(i));
            clock.now = clock.now.plusSeconds(1);
        }
        outbox.enqueue(fix("fix-0"));
        outbox.enqueue(fix("fix-1"));
        for (int i = 2; i < 10; i++) {
            var e = outbox.enqueue(fix("fix-" + i));
            assertTrue(e.stored());
        }
        var refused = outbox.enqueue(status(99));
        assertFalse(refused.stored(), "a status may not push out an approval");
        List<OutboxRow> rows = store.all();
        long approvalsPending = rows.stream().filter(r -> r.schema().equals("setkeeper.fix-approved"))
                .filter(r -> r.dropped() == null).count();
        long statusDropped = rows.stream().filter(r -> r.schema().equals("setkeeper.appliance-status"))
                .filter(r -> r.dropped() != null).count();
        assertEquals(10, approvalsPending);
        assertEquals(3, statusDropped);
        assertEquals(Map.of(Priority.APPROVAL, 10L), outbox.pending());
    }

    @Test
    void flagsShedOldestFirstWhenNoStatusIsLeft() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(new FlagRaised("f" + i, "flicker", "warning", "C1", null, null, "s", Map.of(), List.of()));
        }
        var e = outbox.enqueue(new FlagRaised("f5", "flicker", "warning", "C1", null, null, "s", Map.of(),
                List.of()));
        assertTrue(e.stored());
        assertNotNull(e.shedMessageId());
        OutboxRow shed = store.find(e.shedMessageId()).orElseThrow();
        assertTrue(new String(shed.payload()).contains("\"flagId\":\"f0\""), "the oldest flag goes first");
    }

    @Test
    void receiptsConfirmOnceAndHousekeepingDeletesAfterRetention() {
        String id = outbox.enqueue(fix("fix-1")).messageId();
        String other = outbox.enqueue(fix("fix-2")).messageId();
        assertTrue(outbox.confirm(new DeliveryReceipt(id, DeliveryReceipt.Status.STORED, "")));
        assertFalse(outbox.confirm(new DeliveryReceipt(id, DeliveryReceipt.Status.DUPLICATE, "")),
                "a repeated receipt changes nothing");
        Housekeeper keeper = new Housekeeper(store, Duration.ofHours(24), clock);
        assertEquals(new Housekeeper.Pass(0, 0), keeper.run());
        clock.now = clock.now.plus(Duration.ofHours(25));
        assertEquals(new Housekeeper.Pass(0, 1), keeper.run());
        assertTrue(store.find(id).isEmpty());
        assertNull(store.find(other).orElseThrow().confirmed(), "the unconfirmed one stays");
    }

    @Test
    void expiredAlertsAreDroppedNotSent() {
        Instant expires = clock.now.plusSeconds(60);
        String id = outbox.enqueue(new FlagRaised("f", "k", "alert", "C1", null, null, "s", Map.of(), List.of()),
                null, expires).messageId();
        assertEquals(1, store.due(clock.now, clock.now, 10, List.of()).size());
        clock.now = clock.now.plusSeconds(61);
        assertEquals(0, store.due(clock.now, clock.now, 10, List.of()).size());
        assertEquals(1, new Housekeeper(store, Duration.ofDays(1), clock).run().expired());
        assertEquals("expired", store.find(id).orElseThrow().dropReason());
    }

    @Test
    void anArtefactBecomesAManifestAndChunkRowsPointingIntoTheFile() throws Exception {
        byte[] data = new byte[700_000];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("model.bin");
        Files.write(file, data);
        String manifestId = outbox.enqueueArtefact(file, "model-1", "model", ArtefactManifest.MIN_CHUNK, null);
        List<OutboxRow> rows = store.all();
        assertEquals(4, rows.size(), "manifest + 3 chunks");
        assertEquals(manifestId, rows.getFirst().messageId());
        assertEquals(Priority.MODEL.rank(), rows.getFirst().priority());
        OutboxRow last = rows.get(3);
        assertEquals(2L * ArtefactManifest.MIN_CHUNK, last.sourceOffset());
        assertEquals(700_000 - 2 * ArtefactManifest.MIN_CHUNK, last.sourceLength());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertTrue(new String(rows.getFirst().payload()).contains(sha), "manifest carries the whole-file hash");
        // publishing order: the manifest before its chunks, chunks in order
        List<OutboxRow> due = store.due(clock.now, clock.now, 10, List.of());
        assertEquals(List.of(rows.get(0).id(), rows.get(1).id(), rows.get(2).id(), rows.get(3).id()),
                due.stream().map(OutboxRow::id).toList());
    }

    @Test
    void theOutboxSurvivesAReopen() {
        String id = outbox.enqueue(fix("fix-1")).messageId();
        db.close();
        db = Database.open(dir.resolve("db"));
        store = new OutboxStore(db);
        assertEquals(id, store.all().getFirst().messageId());
    }
}
