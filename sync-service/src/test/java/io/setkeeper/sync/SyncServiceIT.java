package io.setkeeper.sync;

import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ApplianceStatus;
import io.setkeeper.protocol.messages.Approval;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.signing.ArtefactSignature;
import io.setkeeper.protocol.topics.TopicScheme;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sync-service against real brokers (embedded HiveMQ CE, the machine's Mosquitto) and real databases (an H2
 * file, the machine's PostgreSQL in a schema of its own). Topic roots and client ids are unique per run.
 */
class SyncServiceIT {
    static final String MOSQUITTO = "tcp://127.0.0.1:1883";
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static EmbeddedBroker hivemq;
    @TempDir
    static Path brokerDir;
    @TempDir
    Path dir;

    private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicScheme scheme = TopicScheme.withPrefix(run);
    private final List<AutoCloseable> closeMe = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String pgSchema;
    private Map<String, String> keys = Map.of();

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

    private SyncConfig config(String uri, boolean postgres, String clientId) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sync-db").toAbsolutePath() + ";WRITE_DELAY=0";
        if (postgres) {
            if (pgSchema == null) {
                pgSchema = "sk_" + run;
                try (var c = DriverManager.getConnection(POSTGRES, "postgres", ""); var st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + pgSchema);
                }
            }
            url = POSTGRES + "?currentSchema=" + pgSchema;
        }
        return new SyncConfig("127.0.0.1", 0, uri, run + "-" + clientId, "post", 3600, scheme.root(), url,
                postgres ? "postgres" : "sa", "", dir.resolve("artefacts"), keys);
    }

    private SyncService service(SyncConfig c) {
        SyncService s = SyncService.start(c, Clock.systemUTC());
        closeMe.add(s);
        return s;
    }

    private TestAppliance appliance(String uri) throws Exception {
        TestAppliance a = new TestAppliance(uri, scheme, run + "-box", "prod", "cart-a");
        closeMe.add(a);
        return a;
    }

    static FixApproved fix(int i) {
        return new FixApproved("fix-" + i, "cdl", "A001C00" + i, null, null, Map.of("slope", "1 1 1"),
                new Approval("Ann", "DIT", "matches", Instant.parse("2026-11-21T09:00:00Z")), null);
    }

    static Envelope env(io.setkeeper.protocol.messages.Message m) {
        return Envelope.of(m, "prod", "cart-a", Instant.now());
    }

    private JsonArray get(SyncService s, String path) throws Exception {
        HttpResponse<String> r = http.send(PostAuth.admin(s, path).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    /** Polls {@code done} every 50 ms; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private void storesOnceAnswersAndServesTheApi(String uri, boolean postgres) throws Exception {
        SyncService s = service(config(uri, postgres, "sync"));
        TestAppliance box = appliance(uri);
        Envelope fix = env(fix(1));
        box.send(fix);
        box.send(fix);  // a repeat
        box.send(scheme.topicFor(fix), "{not json".getBytes(StandardCharsets.UTF_8));  // malformed: skipped
        String unknown = """
                {"schema":"setkeeper.future-thing","version":7,"messageId":"u-1","production":"prod",
                 "appliance":"cart-a","time":"2026-11-21T18:00:00Z","correlationId":null,"body":{"x":[1,2,3]}}""";
        box.send(scheme.root() + "/prod/cart-a/status", unknown.getBytes(StandardCharsets.UTF_8));
        Envelope status = env(new ApplianceStatus("online", "0.1.0", 0, 5));
        box.send(status);
        await("receipts", Duration.ofSeconds(20), () -> box.receipts.size() >= 4);
        assertEquals(1, box.count(fix.messageId(), DeliveryReceipt.Status.STORED));
        assertEquals(1, box.count(fix.messageId(), DeliveryReceipt.Status.DUPLICATE));
        assertEquals(1, box.count("u-1", DeliveryReceipt.Status.STORED), "unknown schemas are kept");
        assertEquals(1, box.count(status.messageId(), DeliveryReceipt.Status.STORED));

        assertEquals("prod", get(s, "/api/productions").getJsonObject(0).getString("production"));
        var appliances = get(s, "/api/productions/prod/appliances");
        assertEquals("cart-a", appliances.getJsonObject(0).getString("appliance"));
        assertEquals(3, appliances.getJsonObject(0).getInt("messages"));
        Instant last = Instant.parse(appliances.getJsonObject(0).getString("lastContact"));
        assertTrue(Duration.between(last, Instant.now()).abs().toSeconds() < 60, "last contact is recent: " + last);
        var fixes = get(s, "/api/productions/prod/messages?schema=setkeeper.fix-approved");
        assertEquals(1, fixes.size());
        assertEquals("Ann", fixes.getJsonObject(0).getJsonObject("body").getJsonObject("approval")
                .getString("approvedBy"));
        var future = get(s, "/api/productions/prod/messages?schema=setkeeper.future-thing");
        assertEquals(3, future.getJsonObject(0).getJsonObject("body").getJsonArray("x").size());
    }

    @Test
    void storesOnceAnswersAndServesTheApiOnH2ThroughHiveMq() throws Exception {
        storesOnceAnswersAndServesTheApi(hivemq.uri(), false);
    }

    @Test
    void storesOnceAnswersAndServesTheApiOnPostgresThroughMosquitto() throws Exception {
        storesOnceAnswersAndServesTheApi(MOSQUITTO, true);
    }

    private record Artefact(byte[] data, ArtefactManifest manifest, List<Envelope> chunks) {
    }

    private static Artefact artefact(String id, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        int cs = ArtefactManifest.MIN_CHUNK;
        List<String> hashes = new ArrayList<>();
        List<Envelope> chunks = new ArrayList<>();
        for (int i = 0; i * cs < size; i++) {
            byte[] c = Arrays.copyOfRange(data, i * cs, Math.min(size, (i + 1) * cs));
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c));
            hashes.add(h);
            chunks.add(env(new ArtefactChunk(id, i, h, c)));
        }
        String whole = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        return new Artefact(data, new ArtefactManifest(id, "model", id + ".bin", size, cs, whole, hashes, null),
                chunks);
    }

    @Test
    void chunksTwiceAndOutOfOrderWithTheManifestLastReassembleAndVerify() throws Exception {
        SyncService s = service(config(hivemq.uri(), false, "sync"));
        TestAppliance box = appliance(hivemq.uri());
        Artefact a = artefact("model-9", 5 * ArtefactManifest.MIN_CHUNK + 1234);
        List<Envelope> shuffled = new ArrayList<>(a.chunks());
        shuffled.addAll(a.chunks().subList(0, 3));  // three repeats
        Collections.shuffle(shuffled, new Random(3));
        for (Envelope c : shuffled) {
            box.send(c);
        }
        Envelope manifest = env(a.manifest());
        box.send(manifest);
        await("verdict", Duration.ofSeconds(30), () -> box.count(manifest.messageId(),
                DeliveryReceipt.Status.VERIFIED) == 1);
        long dup = a.chunks().stream().mapToLong(c -> box.count(c.messageId(), DeliveryReceipt.Status.DUPLICATE))
                .sum();
        assertEquals(3, dup);
        HttpResponse<byte[]> r = http.send(PostAuth.admin(s,
                "/api/productions/prod/artefacts/model-9/content").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertArrayEquals(a.data(), r.body());
        // the manifest again (the appliance did not get the receipt): the verdict is repeated, nothing redone
        box.send(manifest);
        await("repeated verdict", Duration.ofSeconds(20), () -> box.count(manifest.messageId(),
                DeliveryReceipt.Status.VERIFIED) == 2);
    }

    @Test
    void aTamperedArtefactIsRefusedAndReported() throws Exception {
        SyncService s = service(config(hivemq.uri(), false, "sync"));
        TestAppliance box = appliance(hivemq.uri());
        Artefact a = artefact("model-x", 2 * ArtefactManifest.MIN_CHUNK);
        Artefact other = artefact("model-x", 2 * ArtefactManifest.MIN_CHUNK + 1);
        // a manifest whose whole-file hash belongs to other bytes: every chunk matches its own hash
        ArtefactManifest forged = new ArtefactManifest("model-x", "model", "x.bin", a.manifest().size(),
                a.manifest().chunkSize(), other.manifest().sha256(), a.manifest().chunkSha256(), null);
        Envelope m = env(forged);
        box.send(m);
        // and a chunk whose bytes do not match its header
        ArtefactChunk good = (ArtefactChunk) a.chunks().get(1).body();
        byte[] flipped = good.data().clone();
        flipped[10] ^= 1;
        Envelope bad = env(new ArtefactChunk("model-x", 1, good.sha256(), flipped));
        box.send(bad);
        await("bad chunk refused", Duration.ofSeconds(20),
                () -> box.count(bad.messageId(), DeliveryReceipt.Status.REJECTED) == 1);
        for (Envelope c : a.chunks()) {
            box.send(c);
        }
        await("verdict", Duration.ofSeconds(20), () -> box.count(m.messageId(), DeliveryReceipt.Status.REJECTED) == 1);
        var artefacts = get(s, "/api/productions/prod/artefacts");
        assertEquals("rejected", artefacts.getJsonObject(0).getString("status"));
        assertTrue(artefacts.getJsonObject(0).getString("detail").contains("manifest says"));
        HttpResponse<String> r = http.send(PostAuth.admin(s,
                "/api/productions/prod/artefacts/model-x/content").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), "a refused artefact cannot be downloaded");
    }

    @Test
    void withAProductionKeyOnlyArtefactsSignedByItAreVerified() throws Exception {
        java.security.KeyPair production = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.KeyPair intruder = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        keys = Map.of("prod", ArtefactSignature.encode(production.getPublic()));
        SyncService s = service(config(hivemq.uri(), false, "sync"));
        TestAppliance box = appliance(hivemq.uri());
        Map<String, java.security.PrivateKey> signers = new java.util.LinkedHashMap<>();
        signers.put("signed", production.getPrivate());
        signers.put("forged", intruder.getPrivate());
        signers.put("unsigned", null);
        Map<String, Envelope> manifests = new java.util.HashMap<>();
        for (var e : signers.entrySet()) {
            Artefact a = artefact("model-" + e.getKey(), ArtefactManifest.MIN_CHUNK + 5);
            ArtefactManifest m = a.manifest();
            String sig = e.getValue() == null ? null : ArtefactSignature.sign(e.getValue(), m.sha256());
            Envelope env = env(new ArtefactManifest(m.artefactId(), m.kind(), m.name(), m.size(), m.chunkSize(),
                    m.sha256(), m.chunkSha256(), sig));
            manifests.put(e.getKey(), env);
            box.send(env);
            for (Envelope c : a.chunks()) {
                box.send(c);
            }
        }
        await("verdicts", Duration.ofSeconds(30), () -> manifests.values().stream().allMatch(m ->
                box.count(m.messageId(), DeliveryReceipt.Status.VERIFIED)
                        + box.count(m.messageId(), DeliveryReceipt.Status.REJECTED) == 1));
        assertEquals(1, box.count(manifests.get("signed").messageId(), DeliveryReceipt.Status.VERIFIED));
        assertEquals(1, box.count(manifests.get("forged").messageId(), DeliveryReceipt.Status.REJECTED));
        assertEquals(1, box.count(manifests.get("unsigned").messageId(), DeliveryReceipt.Status.REJECTED));
        assertEquals("verified", s.store().artefact("prod", "model-signed").orElseThrow().status());
        assertTrue(s.store().artefact("prod", "model-forged").orElseThrow().detail().contains("signature"));
    }

    private void offlineThenBack(String uri) throws Exception {
        SyncConfig c = config(uri, false, "sync");
        SyncService first = SyncService.start(c, Clock.systemUTC());  // creates the session and subscription
        first.close();
        TestAppliance box = appliance(uri);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Envelope e = env(fix(i));
            ids.add(e.messageId());
            box.send(e);
        }
        SyncService back = service(c);
        await("all 50 queued while offline stored", Duration.ofSeconds(30),
                () -> back.store().count("prod", "setkeeper.fix-approved") == 50);
        await("receipts for all", Duration.ofSeconds(30),
                () -> ids.stream().allMatch(id -> box.count(id, DeliveryReceipt.Status.STORED) == 1));
    }

    @Test
    void messagesQueuedWhileOfflineArriveThroughHiveMq() throws Exception {
        offlineThenBack(hivemq.uri());
    }

    @Test
    void messagesQueuedWhileOfflineArriveThroughMosquitto() throws Exception {
        offlineThenBack(MOSQUITTO);
    }
}
