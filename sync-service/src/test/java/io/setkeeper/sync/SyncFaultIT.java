package io.setkeeper.sync;

import static io.setkeeper.sync.SyncServiceIT.POSTGRES;
import static io.setkeeper.sync.SyncServiceIT.await;
import static io.setkeeper.sync.SyncServiceIT.env;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.Approval;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.topics.TopicScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Post-side faults: a crash mid-reassembly, and two instances sharing the work when one of them crashes. */
class SyncFaultIT {
    static EmbeddedBroker hivemq;
    @TempDir
    static Path brokerDir;
    @TempDir
    Path dir;

    private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicScheme scheme = TopicScheme.withPrefix(run);
    private final List<AutoCloseable> closeMe = new ArrayList<>();
    private String pgSchema;

    @BeforeAll
    static void broker() {
        hivemq = EmbeddedBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        hivemq.close();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeMe.reversed()) {
            c.close();
        }
        if (pgSchema != null) {
            try (var c = DriverManager.getConnection(POSTGRES, "postgres", ""); var st = c.createStatement()) {
                st.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
    }

    private SyncConfig h2(String clientId) {
        return new SyncConfig("127.0.0.1", 0, hivemq.uri(), run + "-" + clientId, "post", 3600, scheme.root(),
                "jdbc:h2:file:" + dir.resolve("sync-db").toAbsolutePath() + ";WRITE_DELAY=0", "sa", "",
                dir.resolve("artefacts"), Map.of());
    }

    private SyncConfig postgres(String clientId) throws Exception {
        if (pgSchema == null) {
            pgSchema = "sk_" + run;
            try (var c = DriverManager.getConnection(POSTGRES, "postgres", ""); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + pgSchema);
            }
        }
        return new SyncConfig("127.0.0.1", 0, hivemq.uri(), run + "-" + clientId, "post", 3600, scheme.root(),
                POSTGRES + "?currentSchema=" + pgSchema, "postgres", "", dir.resolve("artefacts-" + clientId), Map.of());
    }

    @Test
    void aCrashMidReassemblyKeepsTheChunksThatCameAndOnlyTheMissingOnesAreNeeded() throws Exception {
        byte[] data = new byte[6 * ArtefactManifest.MIN_CHUNK + 99];
        new Random(5).nextBytes(data);
        int cs = ArtefactManifest.MIN_CHUNK;
        List<Envelope> chunks = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i * cs < data.length; i++) {
            byte[] c = Arrays.copyOfRange(data, i * cs, Math.min(data.length, (i + 1) * cs));
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c));
            hashes.add(h);
            chunks.add(env(new ArtefactChunk("model-3", i, h, c)));
        }
        Envelope manifest = env(new ArtefactManifest("model-3", "model", "m3.bin", data.length, cs,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), hashes, null));
        TestAppliance box = new TestAppliance(hivemq.uri(), scheme, run + "-box", "prod", "cart-a");
        closeMe.add(box);
        SyncService first = SyncService.start(h2("sync"), Clock.systemUTC());
        box.send(manifest);
        for (Envelope c : chunks.subList(0, 4)) {
            box.send(c);
        }
        await("first four stored", Duration.ofSeconds(20), () -> chunks.subList(0, 4).stream()
                .allMatch(c -> box.count(c.messageId(), DeliveryReceipt.Status.STORED) == 1));
        first.crash();
        SyncService second = SyncService.start(h2("sync"), Clock.systemUTC());
        closeMe.add(second);
        for (Envelope c : chunks.subList(4, chunks.size())) {
            box.send(c);
        }
        // as the appliance's publisher does: what has no STORED receipt after a while is sent again (only that), and
        // the manifest until its VERIFIED receipt
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long resendAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (box.count(manifest.messageId(), DeliveryReceipt.Status.VERIFIED) != 1) {
            assertTrue(System.nanoTime() < end, "timed out waiting for verified after the restart");
            if (System.nanoTime() > resendAt) {
                box.send(manifest);
                for (Envelope c : chunks) {
                    if (box.count(c.messageId(), DeliveryReceipt.Status.STORED) == 0) {
                        box.send(c);
                    }
                }
                resendAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(50);
        }
        var artefact = second.store().artefact("prod", "model-3").orElseThrow();
        assertEquals("verified", artefact.status());
        assertArrayEquals(data, Files.readAllBytes(Path.of(artefact.path())));
    }

    @Test
    void twoInstancesShareTheWorkAndAfterOneCrashesEveryApprovalIsStoredExactlyOnce() throws Exception {
        SyncService a = SyncService.start(postgres("a"), Clock.systemUTC());
        SyncService b = null;
        TestAppliance box = new TestAppliance(hivemq.uri(), scheme, run + "-box", "prod", "cart-a");
        closeMe.add(box);
        List<Envelope> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Envelope e = env(new FixApproved("fix-" + i, "cdl", "C" + i, null, null, Map.of("k", "v"),
                    new Approval("Ann", "DIT", "ok", Instant.now()), null));
            sent.add(e);
            box.send(e);
            if (i == 50) {
                // a has taken part before b joins (which instance the broker hands a shared message to is its
                // choice: on a loaded machine one instance can get all of them)
                await("instance a answering", Duration.ofSeconds(30), () -> a.intake().answered() > 0);
                b = SyncService.start(postgres("b"), Clock.systemUTC());
                closeMe.add(b);
            }
            if (i == 100) {
                a.crash();
            }
        }
        // like the outbox: send again whatever has no receipt after a while (a while, not every second: on a loaded
        // machine resending every second what is merely queued only lengthens the queue)
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long resendAt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Envelope> open = sent;
        while (!open.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(200);
            open = sent.stream().filter(e -> box.receipts.stream()
                    .noneMatch(r -> r.receivedMessageId().equals(e.messageId()))).toList();
            if (!open.isEmpty() && System.nanoTime() > resendAt) {
                for (Envelope e : open) {
                    box.send(e);
                }
                resendAt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
        }
        assertEquals(200, b.store().count("prod", "setkeeper.fix-approved"), "each approval exactly once");
        long byA = a.intake().answered();
        long byB = b.intake().answered();
        assertTrue(byA > 0 && byB > 0, "both instances answered: a " + byA + ", b " + byB);
        assertTrue(byA < 200, "a crashed before the end: " + byA);
    }
}
