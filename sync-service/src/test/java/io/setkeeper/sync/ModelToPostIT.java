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
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Model versions end to end: a box (the appliance's real ModelService, ModelShipper, outbox, publisher and MQTT
 * transport, in a child JVM from the appliance's built jar and test classes, learning a synthetic production) cuts
 * two versions; they travel through the sync-service's embedded HiveMQ CE; post pins the production's key at first
 * contact, verifies each bundle (hash, Ed25519 signature, signed manifest, every file's hash) and serves them with
 * lineage and download. Then a second box of the same production with a different key announces a version: it is
 * refused and reported, and nothing of it can be downloaded.
 */
class ModelToPostIT {
    private static final String PRODUCTION = "film";
    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();
    private SyncService sync;

    @AfterEach
    void stop() {
        if (sync != null) {
            sync.close();
        }
    }

    private Process box(Path jar, Path data, String appliance, int versions, int brokerPort) throws Exception {
        Path testClasses = jar.getParent().resolve("test-classes");
        Path log = tmp.resolve(appliance + ".log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", jar + java.io.File.pathSeparator + testClasses,
                "io.setkeeper.appliance.model.ShipModelMain", data.toString(), "tcp://127.0.0.1:" + brokerPort,
                PRODUCTION, appliance, Integer.toString(versions));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("box " + appliance + " did not finish:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), "box " + appliance + ":\n" + Files.readString(log));
        return p;
    }

    @Test
    void modelVersionsReachPostVerifiedWithLineageAndAForeignKeyIsRefused() throws Exception {
        Path jar = ApplianceProcess.jar().orElse(null);
        assumeTrue(jar != null && Files.isDirectory(jar.getParent().resolve("test-classes")),
                "build the appliance first (the reactor packages it before the sync-service's tests)");
        int brokerPort = EmbeddedBroker.freePort();
        sync = SyncService.start(new SyncConfig("127.0.0.1", 0, "tcp://127.0.0.1:" + brokerPort, "models-sync",
                "post", 3600, "setkeeper/v1", "jdbc:h2:file:" + tmp.resolve("post/sync") + ";WRITE_DELAY=0", "sa", "",
                tmp.resolve("post/artefacts"), Map.of(),
                new SyncConfig.Broker(true, "127.0.0.1", brokerPort, tmp.resolve("broker"))), Clock.systemUTC());

        Path boxA = tmp.resolve("box-a");
        box(jar, boxA, "cart-a", 2, brokerPort);
        JsonArray models = getArray("/api/productions/" + PRODUCTION + "/models");
        assertEquals(2, models.size(), models.toString());
        JsonObject v1 = byId(models, "cart-a.v1");
        JsonObject v2 = byId(models, "cart-a.v2");
        assertEquals("verified", v1.getString("status"), v1.toString());
        assertEquals("verified", v2.getString("status"), v2.toString());
        assertEquals(JsonValue.NULL, v1.get("parent"));
        assertEquals("cart-a.v1", v2.getString("parent"));
        assertEquals(List.of("cart-a.v1"), v2.getJsonArray("lineage").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        String fingerprint = sha256(Files.readAllBytes(boxA.resolve("model/film/keys/ed25519.pub")));
        assertEquals(fingerprint, v2.getString("keyFingerprint"));
        assertEquals(8, v2.getJsonArray("trainedOnClips").size(), "v2 learned 8 clips");

        JsonObject detail = Json.createReader(new StringReader(get("/api/productions/film/models/cart-a.v2", 200)))
                .readObject();
        assertEquals("v1", detail.getJsonObject("manifest").getString("parent"));
        byte[] onDisk = Files.readAllBytes(boxA.resolve("model/film/versions/v2/heads.onnx"));
        assertEquals(sha256(onDisk), detail.getJsonObject("manifest").getJsonObject("files")
                .getJsonObject("heads.onnx").getString("sha256"));
        assertArrayEquals(onDisk, getBytes("/api/productions/film/models/cart-a.v2/files/heads.onnx"));
        assertArrayEquals(Files.readAllBytes(boxA.resolve("model/film/versions/v2/state.bin")),
                getBytes("/api/productions/film/models/cart-a.v2/files/state.bin"));
        get("/api/productions/film/models/cart-a.v2/files/nothing.bin", 404);
        get("/api/productions/film/models/cart-a.v9", 404);

        // a second box claiming the same production with another key: refused and reported, nothing downloadable
        box(jar, tmp.resolve("box-b"), "cart-b", 1, brokerPort);
        JsonObject foreign = byId(getArray("/api/productions/film/models"), "cart-b.v1");
        assertEquals("rejected", foreign.getString("status"), foreign.toString());
        assertTrue(foreign.getString("detail").contains("pinned to key " + fingerprint), foreign.toString());
        String refused = get("/api/productions/film/models/cart-b.v1/files/heads.onnx", 404);
        assertTrue(refused.contains("not verified"), refused);
        JsonObject artefact = getArray("/api/productions/film/artefacts").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("artefactId").equals(foreign.getString("artefactId"))).findFirst()
                .orElseThrow();
        assertEquals("rejected", artefact.getString("status"), artefact.toString());
        assertTrue(artefact.getString("detail").contains("signature does not verify"), artefact.toString());
        assertEquals("verified", byId(getArray("/api/productions/film/models"), "cart-a.v2").getString("status"));
    }

    private static JsonObject byId(JsonArray models, String id) {
        return models.stream().map(JsonValue::asJsonObject).filter(m -> m.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + id + " in " + models));
    }

    private String get(String path, int expected) throws Exception {
        HttpResponse<String> r = http.send(PostAuth.admin(sync, path).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), path + " answered " + r.body());
        return r.body();
    }

    private JsonArray getArray(String path) throws Exception {
        return Json.createReader(new StringReader(get(path, 200))).readArray();
    }

    private byte[] getBytes(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(PostAuth.admin(sync, path).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
