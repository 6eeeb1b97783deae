package io.setkeeper.sync;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The post REST API's bearer tokens against a real sync-service (the machine's Mosquitto, an H2 file): the bootstrap
 * admin token file (0600, made once), 401 without or with an unknown token, viewer tokens that read but cannot
 * manage tokens (403), revocation, health open; and the exports' plain errors (unknown format 404, bad fps 400).
 */
class PostTokensIT {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = "tok" + UUID.randomUUID().toString().substring(0, 8);

    private SyncService start() {
        return SyncService.start(new SyncConfig("127.0.0.1", 0, SyncServiceIT.MOSQUITTO, run, "post", 60,
                "setkeeper-" + run, "jdbc:h2:file:" + dir.resolve("sync") + ";WRITE_DELAY=0", "sa", "",
                dir.resolve("artefacts"), Map.of()), Clock.systemUTC());
    }

    private HttpResponse<String> call(SyncService s, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokensWithRolesGuardThePostApi() throws Exception {
        String admin;
        Path file = dir.resolve("admin-token");
        try (SyncService s = start()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            admin = Files.readString(file).strip();
            HttpResponse<String> none = call(s, "GET", "/api/productions", null, null);
            assertEquals(401, none.statusCode(), none.body());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(401, call(s, "GET", "/api/productions", "skp_guess", null).statusCode());
            assertEquals(401, call(s, "GET", "/api/productions/p/models", null, null).statusCode());
            assertTrue(call(s, "GET", "/observe/health", null, null).statusCode() < 300, "health needs no token");
            assertEquals(200, call(s, "GET", "/api/productions", admin, null).statusCode());

            HttpResponse<String> created = call(s, "POST", "/api/tokens", admin,
                    "{\"name\":\"colourist\",\"role\":\"viewer\"}");
            assertEquals(201, created.statusCode(), created.body());
            String viewer = Json.createReader(new StringReader(created.body())).readObject().getString("token");
            assertEquals(200, call(s, "GET", "/api/productions", viewer, null).statusCode());
            assertEquals(200, call(s, "GET", "/api/productions/p/fixes", viewer, null).statusCode());
            assertEquals(403, call(s, "GET", "/api/tokens", viewer, null).statusCode());
            assertEquals(403, call(s, "POST", "/api/tokens", viewer, "{\"name\":\"me\",\"role\":\"admin\"}")
                    .statusCode());
            assertEquals(409, call(s, "POST", "/api/tokens", admin, "{\"name\":\"colourist\",\"role\":\"viewer\"}")
                    .statusCode());
            assertEquals(400, call(s, "POST", "/api/tokens", admin, "{\"name\":\"x\",\"role\":\"god\"}").statusCode());
            String list = call(s, "GET", "/api/tokens", admin, null).body();
            assertTrue(list.contains("colourist") && list.contains("bootstrap-admin"), list);
            assertFalse(list.contains("skp_"), "tokens are never listed: " + list);
            assertFalse(Files.readString(dir.resolve("sync.mv.db"), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(viewer), "only the token's hash is stored");

            assertEquals(404, call(s, "GET", "/api/productions/p/exports/xml", viewer, null).statusCode());
            HttpResponse<String> fps = call(s, "GET", "/api/productions/p/exports/edl?fps=0", viewer, null);
            assertEquals(400, fps.statusCode(), fps.body());
            assertTrue(fps.body().contains("fps must be 1-120"), fps.body());
            HttpResponse<String> empty = call(s, "GET", "/api/productions/p/exports/ccc", viewer, null);
            assertEquals(200, empty.statusCode(), empty.body());
            assertTrue(empty.body().contains("ColorCorrectionCollection"), empty.body());

            assertEquals(204, call(s, "DELETE", "/api/tokens/colourist", admin, null).statusCode());
            assertEquals(401, call(s, "GET", "/api/productions", viewer, null).statusCode());
        }
        try (SyncService again = start()) {
            assertEquals(admin, Files.readString(file).strip(), "the bootstrap token is made once");
            assertEquals(200, call(again, "GET", "/api/productions", admin, null).statusCode());
        }
    }
}
