package io.setkeeper.appliance.outbox.mqtt;

import io.setkeeper.appliance.outbox.Backoff;
import io.setkeeper.appliance.outbox.CapacityPolicy;
import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.appliance.outbox.Publisher;
import io.setkeeper.appliance.outbox.PublisherSettings;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.messages.ApplianceStatus;
import io.setkeeper.protocol.messages.Approval;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.topics.TopicScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The outbox publisher against a real broker: the embedded HiveMQ CE (restartable) and the machine's Mosquitto.
 * Topic roots and client ids are unique per run so parallel runs on one Mosquitto never meet.
 */
class PublisherIT {
    static final String MOSQUITTO = "tcp://127.0.0.1:1883";
    static EmbeddedBroker hivemq;
    @TempDir
    static Path brokerDir;
    @TempDir
    Path dir;

    private final String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicScheme scheme = TopicScheme.withPrefix(run);
    private final List<AutoCloseable> closeMe = new ArrayList<>();
    private Database db;
    private OutboxStore store;
    private Outbox outbox;

    @BeforeAll
    static void broker() {
        hivemq = EmbeddedBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        hivemq.close();
    }

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        store = new OutboxStore(db);
        outbox = new Outbox(store, new JsonCodec(), scheme, "prod", "cart-a", new CapacityPolicy(50),
                Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeMe.reversed()) {
            c.close();
        }
        db.close();
    }

    static FixApproved fix(int i) {
        return new FixApproved("fix-" + i, "cdl", "A001C001", null, null, Map.of("slope", "1 1 1"),
                new Approval("Ann", "DIT", "ok", Instant.parse("2026-11-21T09:00:00Z")), null);
    }

    private Publisher publisher(String uri, Duration resendAfter) {
        MqttTransport transport = new MqttTransport(new MqttSettings(uri, run + "-box", 3600, 10, 5));
        Publisher p = new Publisher(store, transport, new JsonCodec(),
                new PublisherSettings(16, resendAfter, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.5),
                        Duration.ofMillis(50)), scheme.receipts("prod", "cart-a"), Clock.systemUTC(), new Random(1));
        closeMe.add(p);
        return p;
    }

    private PostProbe probe(String uri) throws Exception {
        PostProbe probe = new PostProbe(uri, scheme, run + "-post").connect();
        closeMe.add(probe);
        return probe;
    }

    private Path artefact(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path f = dir.resolve("artefact-" + size + ".bin");
        Files.write(f, data);
        return f;
    }

    private static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private boolean allConfirmed() {
        List<OutboxRow> open = store.all().stream().filter(r -> r.confirmed() == null && r.dropped() == null)
                .toList();
        if (!open.isEmpty() && System.currentTimeMillis() % 5000 < 50) {
            System.err.println(open.size() + " unconfirmed, e.g. " + open.getFirst().topic() + " published="
                    + open.getFirst().published() + " attempts=" + open.getFirst().attempts());
        }
        return open.isEmpty();
    }

    private static byte[] reassemble(PostProbe probe, int chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < chunks; i++) {
            out.writeBytes(probe.chunks.get(i));
        }
        return out.toByteArray();
    }

    private void everythingArrivesOnceConfirmed(String uri) throws Exception {
        PostProbe probe = probe(uri);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sent.add(outbox.enqueue(fix(i)).messageId());
        }
        Path file = artefact(3 * 1024 * 1024 + 17);
        outbox.enqueueArtefact(file, "model-1", "model", ArtefactManifest.MIN_CHUNK, null);
        store.all().forEach(r -> sent.add(r.messageId()));
        publisher(uri, Duration.ofMinutes(5)).start();
        await("all confirmed", Duration.ofSeconds(60), this::allConfirmed);
        assertEquals(sent, probe.received.keySet(), "every message arrived");
        assertEquals(sent.size(), store.all().size());
        assertArrayEquals(Files.readAllBytes(file), reassemble(probe, 13), "artefact bytes intact");
        assertTrue(store.all().stream().allMatch(r -> "STORED".equals(r.receiptStatus())),
                "each confirmed by a STORED receipt");
    }

    @Test
    void everythingArrivesOnceAndIsConfirmedThroughEmbeddedHiveMq() throws Exception {
        everythingArrivesOnceConfirmed(hivemq.uri());
    }

    @Test
    void everythingArrivesOnceAndIsConfirmedThroughMosquitto() throws Exception {
        everythingArrivesOnceConfirmed(MOSQUITTO);
    }

    @Test
    void brokerRestartMidTransferLosesNothingAndResendsOnlyWhatWasNotConfirmed() throws Exception {
        PostProbe probe = probe(hivemq.uri());
        Path file = artefact(16 * 1024 * 1024);
        String manifest = outbox.enqueueArtefact(file, "model-2", "model", ArtefactManifest.MIN_CHUNK, null);
        int chunks = 64;
        Publisher p = publisher(hivemq.uri(), Duration.ofSeconds(3));
        p.start();
        await("a quarter confirmed", Duration.ofSeconds(60), () -> p.confirmed() >= 16);
        hivemq.stop();
        long confirmedAtStop = store.all().stream().filter(r -> r.confirmed() != null).count();
        Thread.sleep(1500);
        hivemq.up();
        // the in-memory broker forgot the probe's session: the post side reconnects and subscribes again
        probe.close();
        closeMe.remove(probe);
        PostProbe again = probe(hivemq.uri());
        probe.chunks.forEach(again.chunks::putIfAbsent);
        probe.received.forEach(again.received::putIfAbsent);
        await("all confirmed after the restart", Duration.ofSeconds(90), this::allConfirmed);
        assertTrue(p.connections() >= 2, "the publisher reconnected: " + p.connections());
        assertTrue(again.received.containsKey(manifest));
        assertArrayEquals(Files.readAllBytes(file), reassemble(again, chunks));
        List<OutboxRow> rows = store.all();
        long sentTwice = rows.stream().filter(r -> r.attempts() > 1).count();
        assertTrue(sentTwice <= rows.size() - confirmedAtStop,
                "only unconfirmed rows were sent again: " + sentTwice + " of " + rows.size());
    }

    @Test
    void atCapacityWhileTheBrokerIsDownStatusIsShedAndEveryApprovalArrives() throws Exception {
        Outbox small = new Outbox(store, new JsonCodec(), scheme, "prod", "cart-a", new CapacityPolicy(10),
                Clock.systemUTC());
        EmbeddedBroker down = EmbeddedBroker.start(dir.resolve("broker2"));
        closeMe.add(down);
        down.stop();
        Publisher p = publisher(down.uri(), Duration.ofMinutes(5));
        p.start();
        Set<String> approvals = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            small.enqueue(new ApplianceStatus("offline", "0.1.0", i, 1));
            approvals.add(small.enqueue(fix(i)).messageId());
        }
        Thread.sleep(500);
        assertEquals(0, p.published(), "nothing could be published with the broker down");
        down.up();
        PostProbe probe = probe(down.uri());
        await("approvals confirmed", Duration.ofSeconds(60),
                () -> approvals.stream().allMatch(id -> store.find(id).orElseThrow().confirmed() != null));
        assertTrue(probe.received.keySet().containsAll(approvals));
        long statusKept = store.all().stream().filter(r -> r.schema().endsWith("appliance-status"))
                .filter(r -> r.dropped() == null).count();
        assertEquals(0, statusKept, "30 approvals in a 10-slot outbox leave no room for status");
    }
}
