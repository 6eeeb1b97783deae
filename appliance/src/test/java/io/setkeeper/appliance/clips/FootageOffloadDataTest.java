package io.setkeeper.appliance.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.ingest.OffloadJob;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole shared footage folder offloaded as one card through the real API (the source is read-only: nothing
 * may be written to it), then the production's ALE and script supervisor log imported: every clip must be there
 * with the right rate, size and start timecode, and the ALE's slates on the right clips.
 */
class FootageOffloadDataTest {
    @TempDir
    Path tmp;

    @Test
    void everyClipOfTheFootageIsRegisteredWithItsTimecodeAndSlate() throws Exception {
        Path footage = TestData.file("footage");
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            HttpResponse<String> started = h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", footage.toString()).add("card", "FOOTAGE")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())
                            .add(tmp.resolve("shuttle").toString())).build().toString());
            assertEquals(202, started.statusCode(), started.body());
            String id = object(started.body()).getJsonObject("job").getString("id");
            OffloadJob job = awaitClips(h, id);
            assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));

            for (String sidecar : new String[] {"production/A001.ale", "production/script-supervisor-log.csv"}) {
                HttpResponse<String> imported = h.post("/api/slates", Json.createObjectBuilder()
                        .add("path", TestData.file(sidecar).toString()).build().toString());
                assertEquals(200, imported.statusCode(), imported.body());
            }

            Map<String, JsonObject> clips = array(h.get("/api/clips").body()).stream().map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(c -> c.getString("path"), Function.identity()));
            long mediaFiles;
            try (Stream<Path> s = Files.walk(footage)) {
                mediaFiles = s.filter(Files::isRegularFile).filter(p -> MediaFiles.isMedia(p.toString())).count();
            }
            assertEquals(mediaFiles, clips.size(), clips.keySet().toString());

            assertClip(clips.get("gopro/karma.mp4"), "19:26:48:04", null, 0, 0);
            assertClip(clips.get("mxf/bmx_d10_sample.mxf"), "23:58:30:00", null, 0, 0);
            assertClip(clips.get("mxf/indirect.mxf"), "01:00:00:00", null, 0, 0);
            assertClip(clips.get("derived/A001C001_again_prores422proxy.mov"), "01:00:10:00", null, 0, 0);
            for (String take : new String[] {"again", "book", "brother", "eat", "learn", "milk", "night", "no",
                    "please", "school", "sorry", "want"}) {
                assertClip(clips.get("asl/" + take + ".mkv"), null, "30/1", 640, 480);
            }

            JsonObject again = clips.get("asl/again.mkv").getJsonObject("slate");
            assertEquals("5B", again.getString("setup"));
            assertEquals("5", again.getString("scene"));
            assertEquals("1", again.getString("take"));
            assertTrue(again.getBoolean("circled"));
            JsonObject please = clips.get("asl/please.mkv").getJsonObject("slate");
            assertEquals("5C", please.getString("setup"));
            assertEquals("2", please.getString("take"));
            assertEquals("A001", please.getString("camroll"));
            assertEquals("1A", clips.get("gopro/karma.mp4").getJsonObject("slate").getString("setup"));

            JsonObject noEssence = clips.get("mxf/class14.mxf");
            assertEquals("FAILED", noEssence.getString("status"), noEssence.toString());
            assertFalse(noEssence.getString("error").isBlank());
        }
    }

    private static void assertClip(JsonObject clip, String tc, String fps, int width, int height) {
        assertTrue(clip != null, "clip missing");
        assertEquals("PROBED", clip.getString("status"), clip.toString());
        if (tc != null) {
            assertEquals(tc, clip.getString("startTimecode", null), clip.toString());
        }
        if (fps != null) {
            assertEquals(fps, clip.getString("fps", null), clip.toString());
        }
        if (width > 0) {
            assertEquals(width, clip.getInt("width"), clip.toString());
            assertEquals(height, clip.getInt("height"), clip.toString());
        }
    }

    private static OffloadJob awaitClips(ApplianceHarness h, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            OffloadJob j = h.appliance().jobs().job(id).orElseThrow();
            if (j.state().finished() && !h.appliance().clips().byCard(j.cardId()).isEmpty()
                    && h.appliance().clips().byCard(j.cardId()).size() >= registeredTarget(h, j)) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("offload or clip registration did not finish");
    }

    private static long registeredTarget(ApplianceHarness h, OffloadJob j) {
        return h.appliance().jobs().files(j.id()).stream().filter(f -> MediaFiles.isMedia(f.file().relPath()))
                .count();
    }

    private static JsonObject object(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    private static JsonArray array(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readArray();
        }
    }
}
