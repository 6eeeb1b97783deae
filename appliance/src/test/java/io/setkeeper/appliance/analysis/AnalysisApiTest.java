package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.demo.DemoRun;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.Database;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline end to end: the generated sample card is offloaded, its clips are analysed in the background and the
 * results, findings and stills are served by the API; after a restart finished clips are not redone and a
 * half-analysed one is.
 */
class AnalysisApiTest {
    @TempDir
    Path tmp;

    private static JsonObject json(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static List<Clip> awaitAnalysed(ApplianceHarness h, String cardId) throws Exception {
        for (int i = 0; i < 1200; i++) {
            List<Clip> clips = h.appliance().clips().byCard(cardId).stream()
                    .filter(c -> "VIDEO".equals(c.kind())).toList();
            boolean done = !clips.isEmpty() && clips.stream().allMatch(c -> h.appliance().analysisStore()
                    .analysis(c.id()).map(a -> a.state() == AnalysisStore.State.DONE).orElse(false));
            if (done) {
                return clips;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("clips were not analysed in time");
    }

    @Test
    void sampleCardIsAnalysedServedAndResumedAfterRestart() throws Exception {
        long redo;
        String cardId;
        try (ApplianceHarness h = new ApplianceHarness(tmp)) {
            OffloadJob job = DemoRun.run(h.appliance());
            assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));
            cardId = job.cardId();
            List<Clip> clips = awaitAnalysed(h, cardId);
            assertTrue(clips.size() >= 2, "the sample card has several clips");
            for (Clip c : clips) {
                HttpResponse<String> r = h.get("/api/clips/" + c.id() + "/analysis");
                assertEquals(200, r.statusCode(), r.body());
                JsonObject a = json(r.body());
                assertEquals("DONE", a.getString("state"));
                JsonObject qc = a.getJsonObject("result").getJsonObject("qc");
                assertTrue(qc.getInt("frames") >= 24, "frames measured: " + qc);
                assertEquals(360 * 480 / 640, qc.getInt("height"), "640x360 scaled to 480 wide");
                assertTrue(qc.getJsonNumber("sharpnessP75").doubleValue() > 1, qc.toString());
                assertEquals(200, h.get("/api/clips/" + c.id() + "/findings").statusCode());
                HttpResponse<byte[]> still = h.client().send(HttpRequest.newBuilder(
                        h.uri("/api/clips/" + c.id() + "/stills/contact-sheet.jpg")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, still.statusCode());
                assertEquals("image/jpeg", still.headers().firstValue("content-type").orElse(""));
                assertEquals((byte) 0xFF, still.body()[0]);
                assertEquals((byte) 0xD8, still.body()[1]);
            }
            assertEquals(404, h.get("/api/clips/" + clips.getFirst().id() + "/stills/..%2Fsetkeeper.mv.db").statusCode());
            assertEquals(404, h.get("/api/clips/999999/analysis").statusCode());
            assertEquals(200, h.get("/api/findings?production=signing-room").statusCode());
            redo = clips.getFirst().id();
        }
        try (Database db = Database.open(tmp)) {
            new AnalysisStore(db, Clock.systemUTC()).start(redo, 0); // as if the box died mid-analysis
        }
        try (ApplianceHarness h = new ApplianceHarness(tmp)) {
            List<Clip> clips = awaitAnalysed(h, cardId);
            for (Clip c : clips) {
                AnalysisStore.Row row = h.appliance().analysisStore().analysis(c.id()).orElseThrow();
                assertEquals(c.id() == redo ? 3 : 1, row.attempts(), "clip " + c.id() + " attempts");
            }
        }
    }
}
