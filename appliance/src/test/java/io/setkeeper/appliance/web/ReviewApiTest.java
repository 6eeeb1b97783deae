package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval gate over real HTTP with a real H2 file: tokens, roles, one decision per subject, the audit log. */
class ReviewApiTest {
    @TempDir
    Path dir;
    private ApplianceHarness h;
    private ReviewClient c;
    private String admin;
    private String dit;
    private String viewer;
    private String director;

    @BeforeEach
    void start() throws Exception {
        h = new ApplianceHarness(dir);
        c = new ReviewClient(h);
        admin = c.adminToken(dir);
        dit = c.user(admin, "Ana DIT", "DIT");
        viewer = c.user(admin, "Vic Viewer", "VIEWER");
        director = c.user(admin, "Dora Director", "DIRECTOR");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theBootstrapTokenIsOwnerOnlyAndOnlyItsHashIsStored() throws Exception {
        Path file = dir.resolve("admin-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(admin.startsWith("sk_") && admin.length() > 40, admin);
        assertEquals(200, c.get("/api/users/me", admin).statusCode());
        byte[] db = Files.readAllBytes(h.appliance().config().dataDir().resolve("setkeeper.mv.db"));
        assertTrue(!new String(db, java.nio.charset.StandardCharsets.ISO_8859_1).contains(admin),
                "the raw token must not be in the database file");
    }

    @Test
    void aViewerCannotDecide() throws Exception {
        assertEquals(201, c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-1", "A001C003", 1.05)).statusCode());
        HttpResponse<String> r = c.decide(viewer, "FIX", "fix-1", "APPROVE", "looks right");
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("VIEWER") && r.body().contains("cannot decide"), r.body());
        assertEquals(403, c.decide(admin, "FIX", "fix-1", "APPROVE", "admin is not a person").statusCode());
        assertEquals(403, c.post("/api/fixes", viewer, ReviewClient.cdlFix("fix-2", "A001C004", 1.0)).statusCode());
        assertEquals("[]", c.get("/api/audit", null).body());
        assertEquals("PROPOSED", ReviewClient.json(c.get("/api/fixes/fix-1", null).body()).getString("status"));
    }

    @Test
    void unknownOrMissingTokensAreRefused() throws Exception {
        assertEquals(201, c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-1", "A001C003", 1.05)).statusCode());
        HttpResponse<String> bogus = c.decide("sk_not-a-real-token", "FIX", "fix-1", "APPROVE", "ok");
        assertEquals(401, bogus.statusCode());
        assertTrue(bogus.body().contains("unknown or revoked token"), bogus.body());
        assertEquals(401, c.decide(null, "FIX", "fix-1", "APPROVE", "ok").statusCode());
        assertEquals(401, c.post("/api/fixes", null, ReviewClient.cdlFix("fix-9", "X", 1.0)).statusCode());
        // reads are open on the cart LAN by default, but the user list is admin-only
        assertEquals(200, c.get("/api/fixes", null).statusCode());
        assertEquals(401, c.get("/api/users", null).statusCode());
        assertEquals(403, c.get("/api/users", dit).statusCode());
        // a revoked token stops working
        String ditId = ReviewClient.json(c.get("/api/users/me", dit).body()).getString("id");
        assertEquals(200, c.post("/api/users/" + ditId + "/revoke", admin, "{}").statusCode());
        assertEquals(401, c.decide(dit, "FIX", "fix-1", "APPROVE", "ok").statusCode());
        assertEquals("[]", c.get("/api/audit", null).body());
    }

    @Test
    void aSubjectIsDecidedOnce() throws Exception {
        assertEquals(201, c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-1", "A001C003", 1.05)).statusCode());
        HttpResponse<String> first = c.decide(dit, "FIX", "fix-1", "APPROVE", "matches scene 5");
        assertEquals(201, first.statusCode(), first.body());
        JsonObject d = ReviewClient.json(first.body());
        assertEquals("Ana DIT", d.getString("decidedBy"));
        assertEquals("DIT", d.getString("role"));
        assertEquals("looks-v3", d.getString("modelVersion"));
        assertEquals(3, d.getJsonArray("evidence").size());
        HttpResponse<String> again = c.decide(director, "FIX", "fix-1", "REJECT", "I prefer it warmer");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already decided") && again.body().contains("Ana DIT"), again.body());
        assertEquals(1, ReviewClient.json("{\"a\":" + c.get("/api/audit", null).body() + "}").getJsonArray("a")
                .size());
        assertEquals("APPROVE", ReviewClient.json(c.get("/api/fixes/fix-1", null).body()).getString("status"));
    }

    @Test
    void badDecisionsAreRefusedClearly() throws Exception {
        assertEquals(201, c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-1", "A001C003", 1.05)).statusCode());
        assertEquals(404, c.decide(dit, "FIX", "no-such-fix", "APPROVE", "ok").statusCode());
        HttpResponse<String> noReason = c.decide(dit, "FIX", "fix-1", "APPROVE", "  ");
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.body().contains("reason"), noReason.body());
        assertEquals(400, c.decide(dit, "FIX", "fix-1", "MAYBE", "hmm").statusCode());
        assertEquals(400, c.decide(dit, "CLIP", "fix-1", "APPROVE", "ok").statusCode());
        HttpResponse<String> flag = c.decide(dit, "FLAG", "flag-7", "ACCEPT_AS_INTENT", "the haze is wanted");
        assertEquals(404, flag.statusCode(), flag.body());
        HttpResponse<String> dup = c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-1", "A001C003", 1.05));
        assertEquals(409, dup.statusCode());
        String outOfRange = ReviewClient.cdlFix("fix-2", "A001C004", -0.5);
        HttpResponse<String> bad = c.post("/api/fixes", dit, outOfRange);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("slope"), bad.body());
        assertEquals("[]", c.get("/api/audit", null).body());
    }
}
