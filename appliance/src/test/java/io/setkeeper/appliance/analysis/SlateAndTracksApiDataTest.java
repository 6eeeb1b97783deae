package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.perception.slate.SlateRenderer;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.media.FrameSource;
import io.setkeeper.appliance.media.FrameWriter;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the API on a real take: asl/please.mkv re-encoded with a clapperboard (scene 5C, take 4, roll
 * A001) drawn into its first frames, on a card whose ALE logs take 3. The pipeline must read the slate, raise
 * SLATE_MISMATCH with the evidence, serve the performer's face track and per-frame people, and stream
 * queued/started/done over {@code /api/analysis/events}.
 */
class SlateAndTracksApiDataTest {
    @TempDir
    Path tmp;

    private static JsonObject object(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    /** please.mkv with the slate drawn into frames 0..19 (the head of the take), as ProRes Proxy. */
    private static void slatedTake(Path source, Path out) throws Exception {
        List<Frame> frames = new ArrayList<>();
        FrameSource.decode(source, new FrameSource.Options(640, FrameSource.Hardware.SOFTWARE, 0), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info info) {
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame f = decoded.requireColour();
                frames.add(index < 20 ? SlateRenderer.draw(f, SlateRenderer.Layout.CLAPPER, "5C", "4", "A001", 0.4, 6,
                        0.27, 0.68) : f);
            }
        });
        assertTrue(frames.size() > 60, "please.mkv frames: " + frames.size());
        FrameWriter.writeProres(out, frames, 30);
    }

    @Test
    void slateIsReadComparedWithTheLogTracksAreServedAndProgressIsStreamed() throws Exception {
        Path card = Files.createDirectories(tmp.resolve("card"));
        slatedTake(TestData.file("footage/asl/please.mkv"), card.resolve("slated.mov"));
        Files.writeString(card.resolve("A001.ale"), String.join("\n", "Heading", "FIELD_DELIM\tTABS", "VIDEO_FORMAT\t1080",
                "FPS\t30", "", "Column", "Name\tTape\tStart\tEnd\tScene\tTake\tCamroll\tCamera\tCircled\tSource File", "",
                "Data", "A001C005\tA001\t10:04:00:00\t10:04:02:13\t5C\t3\tA001\tA\tY\tslated.mov", ""));
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            var stream = h.client().sendAsync(HttpRequest.newBuilder(h.uri("/api/analysis/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(events::add));
            Thread.sleep(300);
            HttpResponse<String> started = h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", card.toString()).add("card", "SLATE")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build().toString());
            assertEquals(202, started.statusCode(), started.body());
            Clip clip = null;
            for (int i = 0; i < 3000 && clip == null; i++) {
                clip = h.appliance().clips().clips("signing-room").stream().filter(c -> c.fileName().equals("slated.mov"))
                        .filter(c -> h.appliance().analysisStore().analysis(c.id())
                                .map(a -> a.state() == AnalysisStore.State.DONE || a.state() == AnalysisStore.State.FAILED)
                                .orElse(false)).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertTrue(clip != null, "the slated take was analysed");
            assertEquals("3", clip.slate().take().orElse("-"), "the ALE logs take 3: " + clip.slate());

            JsonObject a = object(h.get("/api/clips/" + clip.id() + "/analysis").body());
            assertEquals("DONE", a.getString("state"), a.toString());
            JsonObject slate = a.getJsonObject("slateRead");
            System.out.println("slateRead: " + slate);
            assertEquals("5C", slate.getString("scene"), slate.toString());
            assertEquals("4", slate.getString("take"), slate.toString());
            assertEquals("A001", slate.getString("roll"), slate.toString());
            assertEquals("head", slate.getString("position"));
            assertTrue(slate.getInt("frame") < 20, "read in the slated head: " + slate);
            assertEquals(200, h.get(slate.getString("still")).statusCode());

            JsonArray findings = Json.createReader(new StringReader(h.get("/api/clips/" + clip.id() + "/findings").body()))
                    .readArray();
            JsonObject mismatch = findings.stream().map(JsonValue::asJsonObject)
                    .filter(f -> f.getString("type").equals("SLATE_MISMATCH")).findFirst().orElseThrow(() ->
                            new AssertionError("no SLATE_MISMATCH in " + findings));
            System.out.println("finding: " + mismatch.getString("message"));
            JsonArray diffs = mismatch.getJsonObject("evidence").getJsonArray("differences");
            assertEquals(1, diffs.size(), diffs.toString());
            assertEquals("take", diffs.getJsonObject(0).getString("field"));
            assertEquals("3", diffs.getJsonObject(0).getString("logged"));
            assertTrue(mismatch.containsKey("still"), mismatch.toString());

            JsonObject tracks = object(h.get("/api/clips/" + clip.id() + "/tracks").body());
            JsonArray frames = tracks.getJsonArray("frames");
            JsonArray faceTracks = tracks.getJsonArray("faceTracks");
            System.out.printf("tracks: %d sampled frames, %d face tracks, longest %d frames%n", frames.size(),
                    faceTracks.size(), faceTracks.stream().mapToInt(t -> t.asJsonObject().getInt("sampledFrames")).max()
                            .orElse(0));
            assertTrue(frames.size() >= 4, "2 fps over a 2.4 s take: " + frames.size());
            assertTrue(frames.stream().allMatch(f -> f.asJsonObject().getJsonArray("people").size() >= 1),
                    "the performer is in every sampled frame");
            JsonObject main = faceTracks.stream().map(JsonValue::asJsonObject)
                    .max(java.util.Comparator.comparingInt(t -> t.getInt("sampledFrames"))).orElseThrow();
            assertTrue(main.getInt("sampledFrames") >= frames.size() - 2, "one performer tracked through the take: " + main);
            assertTrue(main.getInt("lastFrame") > main.getInt("firstFrame"));
            JsonObject obs = main.getJsonArray("observations").getJsonObject(0);
            assertEquals(4, obs.getJsonArray("box").size());
            assertTrue(obs.getJsonObject("pose").containsKey("yaw"));
            assertEquals(404, h.get("/api/clips/999999/tracks").statusCode());

            long id = clip.id();
            for (int i = 0; i < 50 && events.stream().noneMatch(l -> l.equals("event:done")); i++) {
                Thread.sleep(100);
            }
            List<String> names = new ArrayList<>();
            String last = null;
            for (String line : List.copyOf(events)) {
                if (line.startsWith("event:")) {
                    last = line.substring(6).strip();
                } else if (line.startsWith("data:") && object(line.substring(5)).get("clip") instanceof jakarta.json.JsonNumber n
                        && n.longValue() == id) {
                    names.add(last);
                }
            }
            System.out.println("events for the clip: " + names);
            assertEquals("queued", names.getFirst(), names.toString());
            assertEquals("started", names.get(1), names.toString());
            assertEquals("done", names.getLast(), names.toString());
            stream.cancel(true);
        }
    }
}
