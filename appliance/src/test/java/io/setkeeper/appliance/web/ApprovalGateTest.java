package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.interchange.ale.AleReader;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.CdlXml;
import io.setkeeper.protocol.interchange.otio.OtioCdl;
import io.setkeeper.protocol.interchange.otio.OtioItem;
import io.setkeeper.protocol.interchange.otio.OtioJson;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.messages.Schemas;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only approved fixes leave the gate: three CDL fixes are proposed, one approved, one rejected, one accepted as
 * creative intent, one left undecided; the exports and the outbox hold the approved one only, with its approval.
 */
class ApprovalGateTest {
    @TempDir
    Path dir;
    private ApplianceHarness h;
    private ReviewClient c;
    private String dit;
    private String supervisor;

    @BeforeEach
    void start() throws Exception {
        h = new ApplianceHarness(dir);
        c = new ReviewClient(h);
        String admin = c.adminToken(dir);
        dit = c.user(admin, "Ana DIT", "DIT");
        supervisor = c.user(admin, "Sam Supervisor", "SUPERVISOR");
        c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-ok", "A001C001", 1.11));
        c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-no", "A001C002", 1.22));
        c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-intent", "A001C003", 1.33));
        c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-open", "A001C004", 1.44));
        assertEquals(201, c.decide(supervisor, "FIX", "fix-ok", "APPROVE", "matches the scene 5 look").statusCode());
        assertEquals(201, c.decide(dit, "FIX", "fix-no", "REJECT", "grade it in post instead").statusCode());
        assertEquals(201, c.decide(dit, "FIX", "fix-intent", "ACCEPT_AS_INTENT", "the cold look is wanted")
                .statusCode());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theOutboxHoldsOnlyTheApprovedFix() {
        List<OutboxRow> rows = h.appliance().outboxStore().all();
        List<OutboxRow> fixes = rows.stream().filter(r -> r.schema().equals(Schemas.FIX_APPROVED)).toList();
        assertEquals(1, fixes.size(), "outbox: " + rows.stream().map(OutboxRow::schema).toList());
        FixApproved m = (FixApproved) new JsonCodec().decode(fixes.get(0).payload()).body();
        assertEquals("fix-ok", m.fixId());
        assertEquals("cdl", m.kind());
        assertEquals("A001C001", m.clip());
        assertEquals("1.11 1.0 0.97", m.parameters().get("slope"));
        assertEquals("Sam Supervisor", m.approval().approvedBy());
        assertEquals("SUPERVISOR", m.approval().role());
        assertEquals("matches the scene 5 look", m.approval().reason());
        assertEquals(0, fixes.get(0).priority(), "approvals travel at the top priority");
        var audit = h.appliance().review().audit();
        assertEquals(audit.get(0).hash(), m.parameters().get("approval.auditHash"));
        assertEquals("1", m.parameters().get("approval.auditSeq"));
    }

    @Test
    void everyExportHoldsOnlyTheApprovedFixWithItsApproval() throws Exception {
        HttpResponse<String> ccc = c.get("/api/exports/ccc", null);
        assertEquals(200, ccc.statusCode(), ccc.body());
        List<Cdl> cdls = CdlXml.parse(ccc.body(), "export.ccc").cdls();
        assertEquals(1, cdls.size());
        assertEquals("A001C001", cdls.get(0).id());
        assertEquals(1.11, cdls.get(0).slope().r(), 1e-9);

        List<Cdl> cdl = CdlXml.parse(c.get("/api/exports/cdl", null).body(), "export.cdl").cdls();
        assertEquals(List.of("A001C001"), cdl.stream().map(Cdl::id).toList());

        String ale = c.get("/api/exports/ale", null).body();
        var aleClips = AleReader.parse(ale).clips();
        assertEquals(1, aleClips.size());
        assertEquals("A001C001", aleClips.get(0).name());

        String edl = c.get("/api/exports/edl?fps=25", null).body();
        assertTrue(edl.contains("A001C001") && edl.contains("*ASC_SOP"), edl);
        for (String other : List.of("A001C002", "A001C003", "A001C004")) {
            assertFalse(edl.contains(other) || ale.contains(other) || ccc.body().contains(other), other);
        }

        HttpResponse<String> otio = c.get("/api/exports/otio", null);
        assertTrue(otio.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        List<OtioItem.Clip> clips = OtioJson.parse(otio.body(), "export.otio").clips();
        assertEquals(1, clips.size());
        JsonObject approval = OtioCdl.approval(clips.get(0).metadata()).orElseThrow();
        assertEquals("fix-ok", approval.getString("fixId"));
        assertEquals("Sam Supervisor", approval.getString("approvedBy"));
        assertEquals("SUPERVISOR", approval.getString("role"));
        assertEquals("matches the scene 5 look", approval.getString("reason"));
        assertEquals("looks-v3", approval.getString("modelVersion"));
        assertEquals(3, approval.getJsonArray("evidence").size());
        assertEquals(1.11, OtioCdl.fromMetadata("x", clips.get(0).metadata()).orElseThrow().slope().r(), 1e-9);

        assertEquals(404, c.get("/api/exports/xml", null).statusCode());
    }

    @Test
    void approvingTheLastFixAddsExactlyItToOutboxAndExports() throws Exception {
        long before = h.appliance().outboxStore().all().size();
        assertEquals(201, c.decide(dit, "FIX", "fix-open", "APPROVE", "ok on the monitor").statusCode());
        List<OutboxRow> rows = h.appliance().outboxStore().all();
        assertEquals(before + 1, rows.size());
        List<String> ids = rows.stream().filter(r -> r.schema().equals(Schemas.FIX_APPROVED))
                .map(r -> ((FixApproved) new JsonCodec().decode(r.payload()).body()).fixId()).sorted().toList();
        assertEquals(List.of("fix-ok", "fix-open"), ids);
        List<Cdl> cdls = CdlXml.parse(c.get("/api/exports/ccc", null).body(), "export.ccc").cdls();
        assertEquals(List.of("A001C001", "A001C004"), cdls.stream().map(Cdl::id).toList());
    }
}
