package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log is append-only in the database itself: UPDATE and DELETE through plain SQL on the real H2 file are
 * refused by triggers; an edit made after dropping a trigger is detected by the chain walk, and exports stop.
 */
class AuditTamperTest {
    @TempDir
    Path dir;
    private ApplianceHarness h;
    private ReviewClient c;

    @BeforeEach
    void start() throws Exception {
        h = new ApplianceHarness(dir);
        c = new ReviewClient(h);
        String admin = c.adminToken(dir);
        String dit = c.user(admin, "Ana DIT", "DIT");
        for (int i = 1; i <= 3; i++) {
            c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-" + i, "A001C00" + i, 1.0 + i / 10.0));
            assertEquals(201, c.decide(dit, "FIX", "fix-" + i, i == 2 ? "REJECT" : "APPROVE", "reason " + i)
                    .statusCode());
        }
        HttpResponse<String> ok = c.get("/api/audit/verify", null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(3, ReviewClient.json(ok.body()).getInt("rows"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Connection sql() throws SQLException {
        // the same embedded database the appliance has open (same file, same JVM)
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("setkeeper")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", "setkeeper", "");
    }

    @Test
    void updateAndDeleteAreRefusedByTheDatabase() throws Exception {
        try (Connection conn = sql(); Statement st = conn.createStatement()) {
            SQLException upd = assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE audit_log SET decision = 'APPROVE' WHERE seq = 2"));
            assertTrue(upd.getMessage().contains("append-only"), upd.getMessage());
            SQLException del = assertThrows(SQLException.class,
                    () -> st.executeUpdate("DELETE FROM audit_log WHERE seq = 3"));
            assertTrue(del.getMessage().contains("append-only"), del.getMessage());
            assertThrows(SQLException.class, () -> st.execute("TRUNCATE TABLE audit_log"));
        }
        JsonObject v = ReviewClient.json(c.get("/api/audit/verify", null).body());
        assertTrue(v.getBoolean("ok"));
        assertEquals(3, v.getInt("rows"));
        assertEquals("REJECT", ReviewClient.json(c.get("/api/fixes/fix-2", null).body()).getString("status"));
    }

    @Test
    void anEditBehindTheTriggersBackIsDetectedAndStopsExports() throws Exception {
        try (Connection conn = sql(); Statement st = conn.createStatement()) {
            st.execute("DROP TRIGGER audit_log_no_update");
            assertEquals(1, st.executeUpdate("UPDATE audit_log SET decision = 'APPROVE' WHERE seq = 2"));
        }
        HttpResponse<String> v = c.get("/api/audit/verify", null);
        assertEquals(409, v.statusCode());
        JsonObject body = ReviewClient.json(v.body());
        assertEquals(2, body.getInt("firstBadSeq"));
        assertTrue(body.getString("problem").contains("changed"), v.body());
        HttpResponse<String> export = c.get("/api/exports/ccc", null);
        assertEquals(409, export.statusCode());
        assertTrue(export.body().contains("fails verification"), export.body());
    }

    @Test
    void aDeletedRowBehindTheTriggersBackIsDetected() throws Exception {
        try (Connection conn = sql(); Statement st = conn.createStatement()) {
            st.execute("DROP TRIGGER audit_log_no_delete");
            assertEquals(1, st.executeUpdate("DELETE FROM audit_log WHERE seq = 2"));
        }
        JsonObject body = ReviewClient.json(c.get("/api/audit/verify", null).body());
        assertEquals(false, body.getBoolean("ok"));
        assertEquals(3, body.getInt("firstBadSeq"));
    }

    @Test
    void cuttingTheTailIsRefusedByTheHeadAndDetectedWithoutIt() throws Exception {
        try (Connection conn = sql(); Statement st = conn.createStatement()) {
            st.execute("DROP TRIGGER audit_log_no_delete");
            // the head row's foreign key protects the last row even without the trigger
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_log WHERE seq = 3"));
            st.executeUpdate("DELETE FROM audit_head");
            assertEquals(1, st.executeUpdate("DELETE FROM audit_log WHERE seq = 3"));
        }
        JsonObject body = ReviewClient.json(c.get("/api/audit/verify", null).body());
        assertEquals(false, body.getBoolean("ok"));
        assertTrue(body.getString("problem").contains("head"), body.toString());
        assertEquals(409, c.get("/api/exports/otio", null).statusCode());
    }
}
