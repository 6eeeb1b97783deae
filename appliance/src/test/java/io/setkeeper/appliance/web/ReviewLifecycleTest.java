package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.Appliance;
import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.review.Subject;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.messages.FlagDecided;
import io.setkeeper.protocol.messages.Schemas;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Races, restarts, closed reads and a plugged-in flag resolver, against a real appliance. */
class ReviewLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void racingDecisionsOnOneFixRecordExactlyOne() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(dir)) {
            ReviewClient c = new ReviewClient(h);
            String admin = c.adminToken(dir);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tokens.add(c.user(admin, "DIT " + i, "DIT"));
            }
            c.post("/api/fixes", tokens.get(0), ReviewClient.cdlFix("fix-1", "A001C001", 1.05));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (String t : tokens) {
                    calls.add(() -> c.decide(t, "FIX", "fix-1", "APPROVE", "race").statusCode());
                }
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    codes.add(f.get());
                }
                assertEquals(1, codes.stream().filter(s -> s == 201).count(), codes.toString());
                assertEquals(5, codes.stream().filter(s -> s == 409).count(), codes.toString());
            } finally {
                pool.shutdown();
            }
            assertEquals(1, h.appliance().review().audit().size());
            assertEquals(1, h.appliance().outboxStore().all().stream()
                    .filter(r -> r.schema().equals(Schemas.FIX_APPROVED)).count());
        }
    }

    @Test
    void tokensDecisionsAndTheChainSurviveARestart() throws Exception {
        String dit;
        try (ApplianceHarness h = new ApplianceHarness(dir)) {
            ReviewClient c = new ReviewClient(h);
            dit = c.user(c.adminToken(dir), "Ana DIT", "DIT");
            c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-1", "A001C001", 1.05));
            assertEquals(201, c.decide(dit, "FIX", "fix-1", "APPROVE", "first day").statusCode());
        }
        String adminBefore = Files.readString(dir.resolve("admin-token"));
        try (ApplianceHarness h = new ApplianceHarness(dir)) {
            ReviewClient c = new ReviewClient(h);
            assertEquals(adminBefore, Files.readString(dir.resolve("admin-token")), "no second bootstrap");
            c.post("/api/fixes", dit, ReviewClient.cdlFix("fix-2", "A001C002", 1.06));
            assertEquals(201, c.decide(dit, "FIX", "fix-2", "APPROVE", "second day").statusCode());
            assertEquals(409, c.decide(dit, "FIX", "fix-1", "REJECT", "changed my mind").statusCode());
            var v = ReviewClient.json(c.get("/api/audit/verify", null).body());
            assertTrue(v.getBoolean("ok"));
            assertEquals(2, v.getInt("rows"));
        }
    }

    @Test
    void closedReadsNeedATokenToo() throws Exception {
        ApplianceConfig base = ApplianceHarness.config(dir, 0);
        ApplianceConfig closed = new ApplianceConfig(base.production(), base.appliance(), base.dataDir(), base.http(),
                base.offload(), base.demo(), new ApplianceConfig.Auth(false));
        try (Appliance app = Appliance.start(closed, Clock.systemUTC())) {
            var client = java.net.http.HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/fixes");
            assertEquals(401, client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
            String admin = Files.readString(dir.resolve("admin-token")).strip();
            assertEquals(200, client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + admin)
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void aFlagResolverPlugsIntoTheGate() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(dir)) {
            ReviewClient c = new ReviewClient(h);
            String director = c.user(c.adminToken(dir), "Dora Director", "DIRECTOR");
            h.appliance().review().registerResolver(Subject.Type.FLAG, id -> id.equals("flag-7")
                    ? Optional.of(new Subject(Subject.Type.FLAG, id, List.of("frame:A001C001@00:00:03:12"), "qc-v1"))
                    : Optional.empty());
            assertEquals(404, c.decide(director, "FLAG", "flag-8", "REJECT", "no").statusCode());
            HttpResponse<String> r = c.decide(director, "FLAG", "flag-7", "ACCEPT_AS_INTENT", "the haze is wanted");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("qc-v1", ReviewClient.json(r.body()).getString("modelVersion"));
            // the appliance's own status (enqueued at start) aside, the decision is the only message
            List<OutboxRow> rows = h.appliance().outboxStore().all().stream()
                    .filter(row -> !row.schema().equals(Schemas.APPLIANCE_STATUS)).toList();
            assertEquals(List.of(Schemas.FLAG_DECIDED), rows.stream().map(OutboxRow::schema).toList());
            FlagDecided m = (FlagDecided) new JsonCodec().decode(rows.get(0).payload()).body();
            assertEquals("flag-7", m.flagId());
            assertEquals("accept_as_intent", m.decision());
            assertEquals("Dora Director", m.decidedBy());
            assertEquals(409, c.decide(director, "FLAG", "flag-7", "REJECT", "again").statusCode());
        }
    }
}
