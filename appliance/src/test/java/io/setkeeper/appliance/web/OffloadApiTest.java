package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.ingest.SampleCards;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offload API over real HTTP: start, follow the SSE stream to the end, read the report, health. */
class OffloadApiTest {
    @TempDir
    Path tmp;

    @Test
    void startFollowAndReport() throws Exception {
        Path card = SampleCards.arriCard(tmp, 11);
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            String body = Json.createObjectBuilder().add("source", card.toString())
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())
                            .add(tmp.resolve("shuttle").toString())).build().toString();
            HttpResponse<String> started = h.post("/api/offloads", body);
            assertEquals(202, started.statusCode(), started.body());
            String id = parse(started.body()).getJsonObject("job").getString("id");

            List<String> events = new ArrayList<>();
            HttpResponse<java.io.InputStream> sse = h.client().send(HttpRequest.newBuilder(
                    h.uri("/api/offloads/" + id + "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream", sse.headers().firstValue("content-type").orElse("").split(";")[0]);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        events.add(line.substring(6).strip());
                    }
                }
            }
            assertEquals("finished", events.getLast());
            assertTrue(events.contains("progress"));

            JsonObject report = parse(h.get("/api/offloads/" + id + "/report").body());
            assertEquals("DONE", report.getJsonObject("job").getString("state"), report.toString());
            assertEquals(7, report.getJsonObject("summary").getInt("verified"));

            HttpResponse<String> again = h.post("/api/offloads", body);
            assertEquals(200, again.statusCode());
            assertTrue(parse(again.body()).getBoolean("repeat"));

            HttpResponse<String> bad = h.post("/api/offloads", "{\"source\": \"/nope\", \"destinations\": []}");
            assertEquals(400, bad.statusCode());
            assertTrue(parse(bad.body()).getString("error").contains("not found"), bad.body());

            assertEquals(404, h.get("/api/offloads/unknown").statusCode());
            HttpResponse<String> health = h.get("/observe/health");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("store"), health.body());
            assertTrue(health.body().contains("inference") && health.body().contains("provider"), health.body());
        }
    }

    static JsonObject parse(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
