package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.continuity.ClipFacts;
import io.setkeeper.appliance.continuity.SyntheticFacts;
import io.setkeeper.appliance.flags.Flag;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flags through a real appliance (real H2 file, real server on a free port): raised from clip facts, followed live
 * over SSE, listed and filtered, evidence served as PNG, decided through /api/decisions, the decision kept when the
 * same facts are checked again, FlagRaised and FlagDecided in the outbox.
 */
class FlagApiTest {
    @TempDir
    Path dir;

    static ClipFacts take(long id, String take, int shift) {
        return SyntheticFacts.clip(id, "5B", take, SyntheticFacts.background(shift, 0, 0, false));
    }

    @Test
    void raisedLiveListedDecidedAndKeptAcrossReruns() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(dir)) {
            ReviewClient c = new ReviewClient(h);
            String dit = c.user(c.adminToken(dir), "Dana DIT", "DIT");
            HttpRequest sse = HttpRequest.newBuilder(h.uri("/api/flags/events?limit=1")).GET().build();
            CompletableFuture<HttpResponse<InputStream>> stream = h.client().sendAsync(sse,
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread.sleep(300); // the stream is following before the clips arrive
            h.appliance().flags().record(take(1, "1", 0));
            h.appliance().flags().record(take(2, "2", 0));
            List<Flag> raised = h.appliance().flags().record(take(3, "3", 3));
            assertEquals(1, raised.size(), "the moved take: " + raised);
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.get(10, TimeUnit.SECONDS).body(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            }
            assertTrue(lines.contains("event:raised") || lines.contains("event: raised"), lines.toString());
            String data = lines.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow().substring(5).strip();
            String id = ReviewClient.json(data).getString("id");
            assertEquals(raised.getFirst().id(), id);

            JsonArray all = Json.createReader(new java.io.StringReader(h.get("/api/flags").body())).readArray();
            assertEquals(1, all.size());
            JsonObject f = all.getJsonObject(0);
            assertEquals("CAMERA_MOVED", f.getString("kind"));
            assertEquals("OPEN", f.getString("state"));
            assertEquals("clip3.mov", f.getJsonArray("clips").getString(0));
            assertTrue(f.getJsonObject("numbers").getJsonNumber("gain").doubleValue() > 0.25);
            assertEquals(0, readArray(h.get("/api/flags?scene=4").body()).size());
            assertEquals(1, readArray(h.get("/api/flags?clip=clip3.mov&state=OPEN").body()).size());
            assertEquals(1, readArray(h.get("/api/flags?clip=3").body()).size());

            String evidence = f.getJsonArray("evidence").getString(0);
            HttpResponse<byte[]> png = h.client().send(HttpRequest.newBuilder(h.uri(evidence)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
            assertEquals((byte) 0x89, png.body()[0]);
            assertEquals(404, h.get("/api/flags/" + id + "/evidence/..%2Fadmin-token").statusCode());
            assertEquals(404, h.get("/api/flags/nope").statusCode());

            assertEquals(201, c.decide(dit, "FLAG", id, "ACCEPT_AS_INTENT", "the operator reframed on purpose")
                    .statusCode());
            assertEquals("ACCEPT_AS_INTENT", ReviewClient.json(h.get("/api/flags/" + id).body()).getString("state"));
            // the model / analysis re-run: the same facts give the same flag, still decided, nothing new raised
            assertEquals(List.of(), h.appliance().flags().record(take(3, "3", 3)));
            JsonObject again = ReviewClient.json(h.get("/api/flags/" + id).body());
            assertEquals("ACCEPT_AS_INTENT", again.getString("state"));
            assertEquals("Dana DIT", again.getJsonObject("decision").getString("decidedBy"));

            List<OutboxRow> rows = h.appliance().outboxStore().all();
            List<OutboxRow> flagRows = rows.stream().filter(r -> r.schema().equals(Schemas.FLAG_RAISED)).toList();
            assertEquals(1, flagRows.size());
            FlagRaised m = (FlagRaised) new JsonCodec().decode(flagRows.getFirst().payload()).body();
            assertEquals(id, m.flagId());
            assertEquals(1, rows.stream().filter(r -> r.schema().equals(Schemas.FLAG_DECIDED)).count());
        }
    }

    private static JsonArray readArray(String body) {
        return Json.createReader(new java.io.StringReader(body)).readArray();
    }
}
