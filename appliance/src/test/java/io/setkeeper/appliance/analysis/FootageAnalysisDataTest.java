package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole footage folder offloaded as one card: every video clip is analysed by the pipeline (QC on every frame,
 * perception at 2 fps) and its result read back through the API. Prints one line per clip.
 */
class FootageAnalysisDataTest {
    @TempDir
    Path tmp;

    private static JsonObject object(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var walk = java.nio.file.Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void everyFootageClipIsAnalysedEndToEnd() throws Exception {
        // the footage as one card with the camera department's ALE on it (so clips arrive with their setups)
        Path footage = tmp.resolve("FOOTAGE");
        copyTree(TestData.file("footage"), footage);
        java.nio.file.Files.copy(TestData.file("production/A001.ale"), footage.resolve("A001.ale"));
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            HttpResponse<String> started = h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", footage.toString()).add("card", "FOOTAGE")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build()
                    .toString());
            assertEquals(202, started.statusCode(), started.body());
            String cardId = null;
            for (int i = 0; i < 6000 && cardId == null; i++) {
                var job = h.appliance().jobs().job(object(started.body()).getJsonObject("job").getString("id"))
                        .orElseThrow();
                if (job.state().finished()) {
                    cardId = job.cardId();
                } else {
                    Thread.sleep(100);
                }
            }
            List<Clip> video = List.of();
            for (int i = 0; i < 12000; i++) {
                video = h.appliance().clips().byCard(cardId).stream().filter(c -> "VIDEO".equals(c.kind())).toList();
                boolean settled = !video.isEmpty() && video.stream().allMatch(c -> h.appliance().analysisStore()
                        .analysis(c.id()).map(a -> a.state() == AnalysisStore.State.DONE
                                || a.state() == AnalysisStore.State.FAILED).orElse(false));
                if (settled && h.appliance().analysis().awaitIdle(100)) {
                    break;
                }
                Thread.sleep(100);
            }
            Map<String, JsonObject> results = new LinkedHashMap<>();
            int done = 0;
            System.out.printf("%-50s %-6s %6s %-8s %5s %4s %5s %6s  %s%n", "clip", "state", "frames", "transfer", "rot",
                    "face", "ppl", "tracks", "findings / error");
            for (Clip c : video) {
                JsonObject a = object(h.get("/api/clips/" + c.id() + "/analysis").body());
                JsonArray findings = Json.createReader(new StringReader(h.get("/api/clips/" + c.id() + "/findings")
                        .body())).readArray();
                String state = a.getString("state");
                if (state.equals("DONE")) {
                    done++;
                    JsonObject r = a.getJsonObject("result");
                    results.put(c.relPath(), r);
                    JsonObject p = r.getJsonObject("perception");
                    String types = findings.stream().map(f -> f.asJsonObject().getString("type")).distinct()
                            .collect(Collectors.joining(","));
                    System.out.printf("%-50s %-6s %6d %-8s %5d %4d %5d %6d  %s%s%s%n", c.relPath(), state,
                            r.getJsonObject("qc").getInt("frames"), r.getJsonObject("decode").getString("transfer"),
                            r.getJsonObject("decode").getInt("rotation"), p.getInt("maxFaces"), p.getInt("maxPeople"),
                            p.getInt("faceTracks"), types.isEmpty() ? "-" : types,
                            a.containsKey("error") ? " (" + a.getString("error") + ")" : "",
                            a.containsKey("slateRead") ? " slate read: " + a.getJsonObject("slateRead") : "");
                    JsonObject tracks = object(h.get("/api/clips/" + c.id() + "/tracks").body());
                    assertEquals(p.getInt("sampledFrames"), tracks.getJsonArray("frames").size(),
                            c.relPath() + ": one stored perception row per sampled frame");
                    assertEquals(p.getInt("faceTracks"), tracks.getJsonArray("faceTracks").size(), c.relPath());
                    // none of the footage has a slate (all 140 candidates read 0 fields, docs/perception.md)
                    assertTrue(!a.containsKey("slateRead"), c.relPath() + ": false slate read " + a.get("slateRead"));
                } else {
                    assertTrue(a.containsKey("error") && !a.getString("error").isBlank(), c.relPath() + ": " + a);
                    System.out.printf("%-50s %-6s  %s%n", c.relPath(), state, a.getString("error"));
                }
            }
            assertTrue(done >= 0.8 * video.size(), done + " of " + video.size() + " clips analysed");
            JsonObject dark = results.get("phone/pixel7_videoOnly_cleaned.mp4");
            assertTrue(dark.getJsonObject("qc").getJsonNumber("meanLuma").doubleValue() < 10, dark.toString());
            JsonObject vtest = results.get("opencv/vtest.avi");
            assertTrue(vtest.getJsonObject("qc").getBoolean("lockedOff"), "vtest is locked off");
            assertTrue(vtest.getJsonObject("perception").getInt("maxPeople") >= 3, "vtest is full of people");
            JsonArray all = Json.createReader(new StringReader(h.get("/api/findings").body())).readArray();
            assertTrue(all.size() > 0, "the footage has findings (the dark pixel7 clip at least)");
            // the production model learned from the pipeline's perceived frames
            var learned = h.get("/api/model/predictions/again.mkv");
            assertEquals(200, learned.statusCode(), learned.body());
            assertTrue(learned.body().contains("again.mkv"), learned.body());
            // ... and cut a version at the end of the card
            assertTrue(h.appliance().analysis().awaitIdle(60_000));
            var versions = h.get("/api/model/versions");
            assertEquals(200, versions.statusCode(), versions.body());
            assertTrue(versions.body().contains("end of card FOOTAGE"), versions.body());
        }
    }
}
