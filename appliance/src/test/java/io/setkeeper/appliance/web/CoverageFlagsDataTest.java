package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.messages.FlagRaised;
import io.setkeeper.protocol.messages.Schemas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage flags in the inbox of a real appliance (real H2 file, server, analysis of a real asl take): the plan
 * import raises "nothing shot" and "no usable take" flags (stored, with a card of the scene's setups as evidence,
 * SSE {@code raised}, FlagRaised in the outbox); one is decided; the circled take 5B/1 ({@code again.mkv}, slated by
 * {@code production/A001.ale}) is offloaded and analysed, and the flags it answers are RESOLVED with the reason,
 * while the decided one stays decided and nothing is raised twice.
 */
class CoverageFlagsDataTest {
    static final String SCRIPT = """
            INT. TRAINING ROOM - DAY #5#

            DANI stretches. The room is empty.
            """;
    static final String SHOTS = """
            scene,setup,shot_size,subjects,angle,lens_mm,movement,description
            5,5B,MS,DANI,eye level,35,static,Dani signs
            5,5D,MS,DANI,eye level,35,static,Dani book
            """;

    @TempDir
    Path tmp;

    @Test
    void planRaisesTakesResolveDecisionsStay() throws Exception {
        Path card = Files.createDirectories(tmp.resolve("card/A001"));
        Files.copy(TestData.file("footage/asl/again.mkv"), card.resolve("again.mkv"));
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            ReviewClient c = new ReviewClient(h);
            String dit = c.user(c.adminToken(tmp.resolve("data")), "Dana DIT", "DIT");
            CompletableFuture<HttpResponse<InputStream>> stream = h.client().sendAsync(HttpRequest.newBuilder(
                    h.uri("/api/flags/events?limit=3")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread.sleep(300);
            assertEquals(201, PlanApiTest.send(h, "/api/plan/screenplay", "text/plain", SCRIPT).statusCode());
            assertEquals(201, PlanApiTest.send(h, "/api/plan/shotlist", "text/csv", SHOTS).statusCode());
            assertEquals(200, h.post("/api/plan/day", "5").statusCode());

            List<String> events = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.get(10, TimeUnit.SECONDS).body(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    if (l.startsWith("event:")) {
                        events.add(l.substring(6).strip());
                    }
                }
            }
            assertEquals(List.of("raised", "raised", "raised"), events);
            Map<String, JsonObject> open = bySubject(array(h.get("/api/flags?family=coverage").body()));
            assertEquals(3, open.size(), open.toString());
            assertTrue(open.keySet().containsAll(List.of("NOTHING_SHOT scene 5", "NO_USABLE_TAKE setup 5B",
                    "NO_USABLE_TAKE setup 5D")), open.keySet().toString());
            assertTrue(open.values().stream().allMatch(f -> f.getString("state").equals("OPEN")
                    && f.getString("family").equals("coverage")));
            assertEquals(0, array(h.get("/api/flags?family=continuity").body()).size());
            String card5B = open.get("NO_USABLE_TAKE setup 5B").getJsonArray("evidence").getString(0);
            HttpResponse<byte[]> png = h.client().send(HttpRequest.newBuilder(h.uri(card5B)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals((byte) 0x89, png.body()[0]);

            String id5D = open.get("NO_USABLE_TAKE setup 5D").getString("id");
            assertEquals(201, c.decide(dit, "FLAG", id5D, "ACCEPT_AS_INTENT", "5D moves to tomorrow").statusCode());

            // the circled take 5B/1 arrives and is analysed
            assertEquals(200, h.post("/api/slates", Json.createObjectBuilder().add("path",
                    TestData.file("production/A001.ale").toString()).build().toString()).statusCode());
            assertEquals(202, h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", tmp.resolve("card").toString()).add("card", "A001")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build()
                    .toString()).statusCode());
            Map<String, JsonObject> after = awaitResolved(h, open.get("NO_USABLE_TAKE setup 5B").getString("id"));
            JsonObject resolved5B = after.get("NO_USABLE_TAKE setup 5B");
            assertEquals("RESOLVED", resolved5B.getString("state"));
            assertEquals("setup 5B has usable take(s) 1", resolved5B.getString("resolution"));
            JsonObject nothing = after.get("NOTHING_SHOT scene 5");
            assertEquals("RESOLVED", nothing.getString("state"), nothing.toString());
            assertEquals("scene 5 has 1 take(s) now", nothing.getString("resolution"));
            assertEquals("ACCEPT_AS_INTENT", after.get("NO_USABLE_TAKE setup 5D").getString("state"), "decided stays decided");
            assertFalse(after.get("NO_USABLE_TAKE setup 5D").containsKey("resolvedAt"), "5D still has no take");
            assertEquals(2, array(h.get("/api/flags?family=coverage&state=RESOLVED&scene=5").body()).size(),
                    "the two resolved: " + after);
            // the take's QC found a problem (a warning): 5B is covered only by a take with a QC problem, a new flag
            JsonObject qc = after.get("USABLE_ONLY_WITH_QC_PROBLEM setup 5B");
            assertEquals("OPEN", qc.getString("state"), after.keySet().toString());
            assertEquals("[\"again.mkv\"]", qc.getJsonArray("clips").toString());
            System.out.println("coverage flags after again.mkv: " + after.values().stream().map(f -> f.getString("kind")
                    + " " + f.getString("subject") + " " + f.getString("state") + " " + f.getString("summary")
                    + (f.containsKey("resolution") ? " (" + f.getString("resolution") + ")" : "")).toList());

            HttpResponse<byte[]> qcCard = h.client().send(HttpRequest.newBuilder(h.uri(qc.getJsonArray("evidence")
                    .getString(0))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, qcCard.statusCode());
            Files.write(Files.createDirectories(Path.of("target")).resolve("coverage-card-5B.png"), qcCard.body());
            // re-evaluated again (as after another clip): nothing new, nothing reopened
            assertEquals(List.of(), h.appliance().coverageWatch().check());
            List<OutboxRow> rows = h.appliance().outboxStore().all();
            JsonCodec codec = new JsonCodec();
            List<FlagRaised> raised = rows.stream().filter(r -> r.schema().equals(Schemas.FLAG_RAISED))
                    .map(r -> (FlagRaised) codec.decode(r.payload()).body()).toList();
            assertEquals(4, raised.size(), "3 at the plan import, 1 after the take: " + raised);
            FlagRaised m = raised.stream().filter(f -> f.kind().equals("nothing_shot")).findFirst().orElseThrow();
            assertEquals("scene:5", m.clip());
            assertEquals(null, m.timecodeIn(), "a coverage flag is about a scene, not a time range");
            assertTrue(m.evidence().getFirst().endsWith("/evidence/setups.png"), m.evidence().toString());
        }
    }

    private static Map<String, JsonObject> awaitResolved(ApplianceHarness h, String id) throws Exception {
        for (int i = 0; i < 1800; i++) {
            Map<String, JsonObject> flags = bySubject(array(h.get("/api/flags?family=coverage").body()));
            boolean analysed = h.appliance().clips().clips("signing-room").stream().anyMatch(c -> h.appliance()
                    .analysisStore().analysis(c.id()).map(a -> a.state() == AnalysisStore.State.DONE).orElse(false));
            if (analysed && flags.get("NO_USABLE_TAKE setup 5B").containsKey("resolvedAt")) {
                return flags;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("flag " + id + " was not resolved in time: " + h.get("/api/flags").body());
    }

    private static Map<String, JsonObject> bySubject(JsonArray a) {
        return a.stream().map(v -> v.asJsonObject()).collect(Collectors.toMap(f -> f.getString("kind") + " " + f.getString("subject"), f -> f));
    }

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }
}
