package io.setkeeper.sync;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end without Mosquitto: the sync-service hosts its embedded HiveMQ CE; the real appliance runs as a child
 * process from its built jar against it; a DIT approves a CDL fix through the appliance's review API; the
 * sync-service REST shows it once, with the appliance's status. Then the appliance is killed with SIGKILL, restarted
 * on the same data, another fix is approved, and each fix is at post exactly once. Second case: a fix approved
 * while no broker is there, the box killed with it only in its outbox table, post started, the box restarted: the
 * fix arrives once.
 */
class ApplianceToPostIT {
    private static final String PRODUCTION = "e2e";
    private static final String APPLIANCE = "cart-e2e";
    private static final String FIX_APPROVED = "setkeeper.fix-approved";
    private static final String STATUS = "setkeeper.appliance-status";

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();
    private SyncService sync;
    private ApplianceProcess appliance;

    @AfterEach
    void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
        if (sync != null) {
            sync.close();
        }
    }

    private static Path jar() {
        Path jar = ApplianceProcess.jar().orElse(null);
        assumeTrue(jar != null, "appliance/target/appliance-*.jar and libs/ are missing: build the appliance first "
                + "(mvn -pl appliance -am package -DskipTests, or run the whole reactor: it packages the appliance "
                + "before the sync-service's tests)");
        return jar;
    }

    private void startPost(int brokerPort) {
        sync = SyncService.start(new SyncConfig("127.0.0.1", 0, "tcp://127.0.0.1:" + brokerPort, "e2e-sync", "post",
                3600, "setkeeper/v1", "jdbc:h2:file:" + tmp.resolve("post/sync") + ";WRITE_DELAY=0", "sa", "",
                tmp.resolve("post/artefacts"), Map.of(),
                new SyncConfig.Broker(true, "127.0.0.1", brokerPort, tmp.resolve("broker"))), Clock.systemUTC());
    }

    private List<String> flags(Path data, int brokerPort) {
        return List.of("--setkeeper.production=" + PRODUCTION, "--setkeeper.appliance=" + APPLIANCE,
                "--setkeeper.data-dir=" + data, "--setkeeper.http.host=127.0.0.1", "--setkeeper.http.port=0",
                "--setkeeper.sync.enabled=true", "--setkeeper.sync.broker-uri=tcp://127.0.0.1:" + brokerPort);
    }

    /** Creates a DIT user with the bootstrap admin token and returns the DIT's token. */
    private String dit(Path data) throws Exception {
        String admin = Files.readString(data.resolve("admin-token")).trim();
        return Json.createReader(new StringReader(post("/api/users", admin,
                "{\"name\":\"Ana\",\"role\":\"DIT\"}", 201))).readObject().getString("token");
    }

    @Test
    void anApprovedFixReachesPostOnceAcrossAKill() throws Exception {
        Path jar = jar();
        int brokerPort = EmbeddedBroker.freePort();
        startPost(brokerPort);
        Path data = tmp.resolve("appliance");
        List<String> flags = flags(data, brokerPort);

        appliance = ApplianceProcess.start(jar, tmp.resolve("appliance-1.log"), flags, Duration.ofSeconds(90));
        String dit = dit(data);
        approve(dit, "fix-5c-3", "A001C003");
        long approved = System.nanoTime();
        await("the first fix at post", () -> messages(FIX_APPROVED).size() >= 1);
        System.out.printf("e2e: approval -> visible in the sync-service REST: %d ms (polled every 200 ms)%n",
                (System.nanoTime() - approved) / 1_000_000);
        await("the appliance's status at post", () -> !messages(STATUS).isEmpty());
        Thread.sleep(1500); // a duplicate would arrive within the publisher's next polls
        assertEquals(List.of("fix-5c-3"), fixIds(), "exactly one FixApproved at post");
        JsonObject fix = messages(FIX_APPROVED).get(0).asJsonObject();
        assertEquals(APPLIANCE, fix.getString("appliance"));
        assertEquals("Ana", fix.getJsonObject("body").getJsonObject("approval").getString("approvedBy"));
        JsonArray appliances = get("/api/productions/" + PRODUCTION + "/appliances");
        assertEquals(1, appliances.size());
        assertEquals(APPLIANCE, appliances.getJsonObject(0).getString("appliance"));
        // post's approved fixes carry the approval record, and its exports are the appliance's, byte for byte
        JsonArray postFixes = get("/api/productions/" + PRODUCTION + "/fixes");
        assertEquals(1, postFixes.size(), postFixes.toString());
        assertEquals("Ana", postFixes.getJsonObject(0).getJsonObject("approval").getString("approvedBy"));
        assertEquals("matches 5A and 5B", postFixes.getJsonObject(0).getJsonObject("approval").getString("reason"));
        assertEquals("100", postFixes.getJsonObject(0).getJsonObject("parameters").getString("target.sourceIn"));
        for (String format : List.of("cdl", "ccc", "ale", "edl", "otio")) {
            String atPost = text(sync.port(), "/api/productions/" + PRODUCTION + "/exports/" + format,
                    PostAuth.adminToken(sync));
            assertEquals(text(appliance.port(), "/api/exports/" + format, dit), atPost, format + " export differs");
            assertTrue(atPost.contains("A001C003"), format + ": " + atPost);
        }
        JsonObject status = messages(STATUS).get(0).asJsonObject().getJsonObject("body");
        assertEquals("started", status.getString("state"));
        assertTrue(status.getJsonNumber("diskFreeBytes").longValue() > 0, status.toString());

        long pid = appliance.pid();
        appliance.kill();
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "appliance " + pid + " still alive");
        int statusesBefore = messages(STATUS).size();

        appliance = ApplianceProcess.start(jar, tmp.resolve("appliance-2.log"), flags, Duration.ofSeconds(90));
        approve(dit, "fix-5d-1", "A001C004"); // tokens live in the appliance's H2 file: the same DIT after restart
        await("the second fix at post", () -> messages(FIX_APPROVED).size() >= 2);
        await("the restarted appliance's status", () -> messages(STATUS).size() > statusesBefore);
        Thread.sleep(1500);
        assertEquals(List.of("fix-5c-3", "fix-5d-1"), fixIds(), "each fix exactly once at post");
    }

    @Test
    void aFixApprovedWhilePostIsAwaySurvivesAKillAndArrivesOnce() throws Exception {
        Path jar = jar();
        int brokerPort = EmbeddedBroker.freePort(); // nothing listens there yet: the box works offline
        Path data = tmp.resolve("appliance");
        List<String> flags = flags(data, brokerPort);
        appliance = ApplianceProcess.start(jar, tmp.resolve("appliance-1.log"), flags, Duration.ofSeconds(90));
        approve(dit(data), "fix-offline-1", "A001C005");
        appliance.kill(); // SIGKILL with the approval only in the outbox table

        startPost(brokerPort);
        assertEquals(0, messages(FIX_APPROVED).size(), "nothing can have arrived while the box was down");
        appliance = ApplianceProcess.start(jar, tmp.resolve("appliance-2.log"), flags, Duration.ofSeconds(90));
        await("the offline fix at post", () -> messages(FIX_APPROVED).size() >= 1);
        Thread.sleep(1500);
        assertEquals(List.of("fix-offline-1"), fixIds(), "the queued fix exactly once at post");
    }

    private void approve(String token, String fixId, String clip) throws Exception {
        post("/api/fixes", token, """
                {"id": "%s", "kind": "cdl", "modelVersion": "looks-v3",
                 "target": {"clip": "%s", "reel": "A001", "scene": "5C", "take": "3", "circled": true,
                            "sourceIn": 100, "sourceOut": 220},
                 "cdl": {"slope": [1.05, 1.0, 0.97], "offset": [0.01, 0.0, -0.01], "power": [1.0, 1.0, 1.02],
                         "saturation": 0.95},
                 "reference": "scene 5 look",
                 "verdict": {"kind": "FIXABLE_IN_POST", "reason": "colour difference 7.1 -> 1.3 after the CDL"},
                 "evidence": []}
                """.formatted(fixId, clip), 201);
        post("/api/decisions", token, """
                {"subjectType": "FIX", "subjectId": "%s", "decision": "APPROVE", "reason": "matches 5A and 5B"}
                """.formatted(fixId), 201);
    }

    private String post(String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + appliance.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), path + " answered " + r.body());
        return r.body();
    }

    private String text(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " answered " + r.body());
        return r.body();
    }

    private JsonArray get(String path) {
        try {
            HttpResponse<String> r = http.send(PostAuth.admin(sync, path).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + " answered " + r.body());
            return Json.createReader(new StringReader(r.body())).readArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonArray messages(String schema) {
        return get("/api/productions/" + PRODUCTION + "/messages?schema=" + schema);
    }

    private List<String> fixIds() {
        return messages(FIX_APPROVED).stream().map(JsonValue::asJsonObject)
                .map(m -> m.getJsonObject("body").getString("fixId")).sorted().toList();
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; appliance log:\n" + appliance.log());
    }
}
