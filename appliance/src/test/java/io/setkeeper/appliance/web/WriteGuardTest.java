package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.Appliance;
import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.review.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write route of the API through the {@link ApiGuard}, against a real appliance: without a token 401, with a
 * VIEWER's 403, with a role the table refuses 403, with each allowed role neither 401 nor 403 (the bodies are
 * deliberately wrong or point at nothing, so the handler answers 4xx for the content and nothing heavy starts).
 */
class WriteGuardTest {
    /** One write: its path, a body, and the roles docs/security.md says may do it. */
    record Write(String path, String contentType, String body, Set<Role> allowed) {
    }

    static final Set<Role> MEDIA = Set.of(Role.DIT, Role.SUPERVISOR, Role.ADMIN);
    static final Set<Role> PLAN = Set.of(Role.DIT, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN);
    static final Set<Role> PEOPLE = Set.of(Role.DIT, Role.SUPERVISOR, Role.DIRECTOR);

    static final List<Write> WRITES = List.of(
            new Write("/api/offloads", "application/json", "{\"source\":\"/nope\",\"destinations\":[]}", MEDIA),
            new Write("/api/cards/inserted", "application/json", "{}", MEDIA),
            new Write("/api/cards/removed", "application/json", "{}", MEDIA),
            new Write("/api/slates", "application/json", "{\"path\":\"/nope/slates.ale\"}", MEDIA),
            new Write("/api/plan/screenplay", "text/plain", "", PLAN),
            new Write("/api/plan/shotlist", "text/csv", "", PLAN),
            new Write("/api/plan/day", "application/json", "{\"nope\":1}", PLAN),
            new Write("/api/model/corrections", "application/json", "{\"kind\":\"WRONG\"}", PEOPLE),
            new Write("/api/model/versions/v99/activate", "application/json", "", Set.of(Role.DIT, Role.SUPERVISOR,
                    Role.ADMIN)),
            new Write("/api/productions", "application/json", "{}", Set.of(Role.ADMIN)),
            new Write("/api/users", "application/json", "{}", Set.of(Role.ADMIN)),
            new Write("/api/users/nobody/tokens", "application/json", "{}", Set.of(Role.ADMIN)),
            new Write("/api/users/nobody/revoke", "application/json", "{}", Set.of(Role.ADMIN)),
            new Write("/api/fixes", "application/json", "{}", PEOPLE),
            new Write("/api/clips/999999/fixes", "application/json", "{\"kind\":\"reframe\",\"aspect\":\"9:16\"}",
                    PEOPLE),
            new Write("/api/decisions", "application/json", "{}", PEOPLE));

    @TempDir
    Path tmp;

    @Test
    void everyWriteNeedsATokenAndARoleThatMay() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            Map<Role, String> tokens = new EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                tokens.put(r, r == Role.ADMIN ? h.adminToken() : h.token(r));
            }
            List<String> wrong = new ArrayList<>();
            for (Write w : WRITES) {
                check(wrong, w, "no token", send(h, w, null), 401);
                check(wrong, w, "unknown token", send(h, w, "not-a-token"), 401);
                for (Role r : Role.values()) {
                    int status = send(h, w, tokens.get(r)).statusCode();
                    if (w.allowed().contains(r)) {
                        if (status == 401 || status == 403) {
                            wrong.add(w.path() + " as " + r + ": " + status + ", expected to pass the guard");
                        }
                    } else if (status != 403) {
                        wrong.add(w.path() + " as " + r + ": " + status + ", expected 403");
                    }
                }
                assertTrue(WriteRules.rule(w.path()).isPresent(), w.path());
                assertEquals(w.allowed(), WriteRules.rule(w.path()).orElseThrow().roles(), w.path());
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));

            // cutting a version works for the roles that may (it really cuts one), the others are refused
            assertEquals(403, h.post("/api/model/versions", "{\"reason\":\"viewer\"}", tokens.get(Role.VIEWER))
                    .statusCode());
            assertEquals(403, h.post("/api/model/versions", "{\"reason\":\"director\"}", tokens.get(Role.DIRECTOR))
                    .statusCode());
            int cut = h.post("/api/model/versions", "{\"reason\":\"admin\"}", tokens.get(Role.ADMIN)).statusCode();
            assertTrue(cut != 401 && cut != 403, "admin cuts a version: " + cut);
        }
    }

    @Test
    void refusalsSayWhyInPlainWords() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            HttpResponse<String> none = h.post("/api/offloads", "{}", null);
            assertEquals(401, none.statusCode());
            assertTrue(none.body().contains("\"error\":\"writing to /api/offloads needs a token"), none.body());
            assertEquals("Bearer realm=\"setkeeper\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            HttpResponse<String> viewer = h.post("/api/offloads", "{}", h.token(Role.VIEWER));
            assertEquals(403, viewer.statusCode());
            assertTrue(viewer.body().contains("has role VIEWER and cannot start or stop an offload; that needs DIT,"
                    + " SUPERVISOR or ADMIN"), viewer.body());
            HttpResponse<String> basic = h.client().send(HttpRequest.newBuilder(h.uri("/api/offloads"))
                    .header("Authorization", "Basic YWRtaW46YWRtaW4=").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, basic.statusCode(), basic.body());
            // a write with no rule is refused for everyone, even ADMIN, rather than let through
            HttpResponse<String> unruled = h.post("/api/clips/1", "{}", h.adminToken());
            assertEquals(403, unruled.statusCode());
            assertTrue(unruled.body().contains("no role may POST /api/clips/1"), unruled.body());
            HttpResponse<String> delete = h.client().send(h.request("/api/offloads/x").DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(delete.statusCode() != 401 && delete.statusCode() != 403, "DIT passes: " + delete.statusCode());
            // a revoked token is refused like an unknown one
            String ditName = "revoked dit";
            var issued = h.appliance().users().create(ditName, Role.DIT);
            assertEquals(400, h.post("/api/plan/day", "{\"nope\":1}", issued.token()).statusCode());
            h.appliance().users().revoke(issued.user().id());
            assertEquals(401, h.post("/api/plan/day", "{\"nope\":1}", issued.token()).statusCode());
            // reads stay open by default, but a wrong token on a read is still refused
            assertEquals(200, h.get("/api/offloads").statusCode());
            assertEquals(401, h.client().send(HttpRequest.newBuilder(h.uri("/api/offloads"))
                    .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            // the health endpoint is outside /api and needs nothing
            assertEquals(200, h.get("/observe/health").statusCode());
        }
    }

    @Test
    void closedReadsCloseTheOlderRoutesToo() throws Exception {
        ApplianceConfig base = ApplianceHarness.config(tmp.resolve("data"), 0);
        ApplianceConfig closed = new ApplianceConfig(base.production(), base.appliance(), base.dataDir(), base.http(),
                base.offload(), base.demo(), new ApplianceConfig.Auth(false));
        try (Appliance app = Appliance.start(closed, Clock.systemUTC())) {
            HttpClient client = HttpClient.newHttpClient();
            String viewer = app.users().create("Vera", Role.VIEWER).token();
            for (String path : List.of("/api/offloads", "/api/clips", "/api/model", "/api/plan", "/api/productions")) {
                URI uri = URI.create("http://127.0.0.1:" + app.port() + path);
                assertEquals(401, client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), path);
                assertEquals(200, client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + viewer)
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), path);
            }
        }
    }

    private static HttpResponse<String> send(ApplianceHarness h, Write w, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(w.path())).header("Content-Type", w.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(w.body()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return h.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(List<String> wrong, Write w, String who, HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            wrong.add(w.path() + " with " + who + ": " + r.statusCode() + " " + r.body() + ", expected " + expected);
        } else if (!r.body().contains("\"error\"")) {
            wrong.add(w.path() + " with " + who + ": no JSON error in " + r.body());
        }
    }
}
