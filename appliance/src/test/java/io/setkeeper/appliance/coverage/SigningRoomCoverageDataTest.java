package io.setkeeper.appliance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.clips.Clip;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage of {@code the-signing-room} as the production would get it: card A001 (the asl takes, with the
 * camera department's ALE) offloaded and analysed for real, card B001 (the takes of scenes 1-4) offloaded, the
 * script supervisor's log, the screenplay and the shot list imported through the API, the DIT naming each
 * performer once (on the first take of their setup), then the board and the before-wrap report read back.
 */
class SigningRoomCoverageDataTest {
    /** The takes of scenes 1-4 (script supervisor log), offloaded as a second card. */
    static final List<String> OTHER_SCENES = List.of("gopro/karma.mp4", "h264/VID_1920x1080_cabac_temporal_direct.264",
            "phone/sample_with_increasing_timestamps_360p.mp4", "phone/hdr10-video-with-sdr-container.mp4",
            "phone/sample_edit_list.mp4", "opencv/vtest.avi");
    /** The DIT names each performer once, on the first take of the setup that frames them. */
    static final Map<String, String> NAMED = Map.of("again.mkv", "DANI", "milk.mkv", "TOMAS", "book.mkv", "JANA",
            "eat.mkv", "PAVEL", "want.mkv", "ORIN");

    @TempDir
    Path tmp;

    static JsonObject obj(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static String offload(ApplianceHarness h, Path card, String label, Path raid) throws Exception {
        HttpResponse<String> started = h.post("/api/offloads", Json.createObjectBuilder().add("source", card.toString())
                .add("card", label).add("destinations", Json.createArrayBuilder().add(raid.toString())).build().toString());
        assertEquals(202, started.statusCode(), started.body());
        String jobId = obj(started.body()).getJsonObject("job").getString("id");
        for (int i = 0; i < 3000; i++) {
            var job = h.appliance().jobs().job(jobId).orElseThrow();
            if (job.state().finished()) {
                return job.cardId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("offload of " + label + " did not finish");
    }

    @Test
    void theSigningRoom() throws Exception {
        Path a001 = Files.createDirectories(tmp.resolve("A001"));
        try (var files = Files.list(TestData.file("footage/asl"))) {
            for (Path f : files.toList()) {
                Files.copy(f, a001.resolve(f.getFileName()));
            }
        }
        Files.copy(TestData.file("production/A001.ale"), a001.resolve("A001.ale"));
        Path b001 = tmp.resolve("B001");
        for (String rel : OTHER_SCENES) {
            Files.createDirectories(b001.resolve(rel).getParent());
            Files.copy(TestData.file("footage/" + rel), b001.resolve(rel));
        }
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            // the plan
            HttpResponse<String> script = h.client().send(h.request("/api/plan/screenplay?file=the-signing-room.fountain")
                    .POST(HttpRequest.BodyPublishers.ofFile(TestData.file("production/the-signing-room.fountain"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, script.statusCode(), script.body());
            HttpResponse<String> shots = h.client().send(h.request("/api/plan/shotlist?file=shotlist.csv")
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(TestData.file("production/shotlist.csv"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, shots.statusCode(), shots.body());
            assertEquals(14, obj(shots.body()).getInt("setups"));
            assertEquals(200, h.post("/api/plan/day", "{\"scenes\":[\"3\",\"5\"]}").statusCode());

            // the cards, and the script supervisor's log
            String cardA = offload(h, a001, "A001", tmp.resolve("raid"));
            HttpResponse<String> log = h.post("/api/slates", Json.createObjectBuilder()
                    .add("path", TestData.file("production/script-supervisor-log.csv").toString()).build().toString());
            assertEquals(200, log.statusCode(), log.body());
            String cardB = offload(h, b001, "B001", tmp.resolve("raid"));
            List<Clip> asl = awaitAnalysed(h, cardA);
            assertEquals(12, asl.size());
            assertEquals(6, h.appliance().clips().byCard(cardB).stream().filter(c -> "VIDEO".equals(c.kind())).count());

            // the DIT names each performer once
            for (var e : NAMED.entrySet()) {
                HttpResponse<String> named = h.post("/api/model/corrections", Json.createObjectBuilder()
                        .add("kind", "CHARACTER").add("clip", e.getKey()).add("person", 0).add("value", e.getValue())
                        .add("by", "dit").build().toString());
                assertEquals(201, named.statusCode(), e + ": " + named.body());
            }

            HttpResponse<String> res = h.get("/api/coverage");
            assertEquals(200, res.statusCode(), res.body());
            JsonObject board = obj(res.body());
            Files.writeString(Path.of("target", "signing-room-coverage.json"), res.body());
            Map<String, JsonObject> scenes = new LinkedHashMap<>();
            board.getJsonArray("scenes").forEach(v -> scenes.put(v.asJsonObject().getString("scene"), v.asJsonObject()));
            print(board);

            // what is sure from the slates and the plan
            assertEquals(List.of("1", "2", "3", "4", "5"), List.copyOf(scenes.keySet()));
            assertEquals("MISSING", setup(scenes.get("5"), "5A").getString("status"), "5A is not shot");
            assertEquals(0, setup(scenes.get("5"), "5A").getJsonArray("takes").size());
            assertEquals("MISSING", setup(scenes.get("5"), "5G").getString("status"), "5G is not shot");
            assertEquals("MISSING", setup(scenes.get("3"), "3D").getString("status"), "3D is not shot");
            assertTrue(flags(scenes.get("3")).contains("NoUsableTake 3C") || flags(scenes.get("3")).contains("UsableOnlyWithQcProblem 3C")
                    || setup(scenes.get("3"), "3C").getString("status").equals("COVERED"), flags(scenes.get("3")).toString());
            for (String s : List.of("5B", "5C", "5D", "5E", "5F")) {
                assertNotMissing(setup(scenes.get("5"), s), s + " has a circled take");
            }
            assertEquals(3, setup(scenes.get("5"), "5B").getJsonArray("takes").size());
            assertTrue(scenes.get("5").getJsonArray("unplanned").isEmpty());
            // the model places the unnamed takes of each setup on the performer named on its first take
            Map<String, String> seen = new LinkedHashMap<>();
            for (JsonValue v : scenes.get("5").getJsonArray("setups")) {
                for (JsonValue t : v.asJsonObject().getJsonArray("takes")) {
                    JsonArray who = t.asJsonObject().getJsonArray("seen");
                    seen.put(t.asJsonObject().getString("clip"), who.stream().map(w -> w.asJsonObject().getString("character")
                            + " " + w.asJsonObject().getString("shotSize")).collect(Collectors.joining(",")));
                }
            }
            System.out.println("characters seen per take: " + seen);
            for (Clip c : asl) {
                var f = h.appliance().model().model().features(c.fileName()).orElseThrow();
                var p = h.appliance().model().prediction(c.fileName()).orElseThrow();
                StringBuilder b = new StringBuilder(c.fileName() + " (" + f.frames() + " sampled):");
                for (int i = 0; i < f.people().size(); i++) {
                    var q = f.people().get(i);
                    b.append(String.format(java.util.Locale.ROOT, " [%s face=%s x=%.2f y=%.2f w=%.3f n=%d]",
                            p.people().get(i).character(), q.hasFace(), q.centerX(), q.centerY(), q.width(), q.observations()));
                }
                System.out.println(b);
            }
            long right = seen.entrySet().stream().filter(e -> e.getValue().startsWith(expected(e.getKey()))).count();
            System.out.println("takes whose main character matches the shot list's subject: " + right + " of " + seen.size());
            assertTrue(right >= 9, right + " of 12 takes see their planned subject");
            // please.mkv (5C take 2) has a second person's head at the right frame edge
            JsonObject please = setup(scenes.get("5"), "5C").getJsonArray("takes").getJsonObject(1);
            assertEquals("please.mkv", please.getString("clip"));
            assertTrue(please.getInt("unknownPeople") >= 1, please.toString());
            assertEquals("flagged", please.getString("status"));
            // the before-wrap list names the day's scenes only (3 and 5), and 5A is on it
            List<String> wrapScenes = board.getJsonArray("beforeWrap").stream().map(v -> v.asJsonObject().getString("scene")).toList();
            assertEquals(List.of("3", "5"), wrapScenes);
            assertTrue(board.getJsonArray("beforeWrap").getJsonObject(1).getJsonArray("items").toString().contains("5A"));
            assertFalse(board.getJsonArray("unplaced").toString().contains(".mkv"), board.getJsonArray("unplaced").toString());

            // the before-wrap report, HTML and PDF, written under target/reports and rendered to PNG to look at
            Path out = Files.createDirectories(Path.of("target", "reports"));
            HttpResponse<String> html = h.get("/api/reports/before-wrap.html");
            assertEquals(200, html.statusCode());
            assertEquals(12, html.body().split("<img ", -1).length - 1, "a still per asl take");
            assertTrue(html.body().contains("5A (WS, Master: all five sign in unison): not shot"));
            Files.writeString(out.resolve("before-wrap.html"), html.body());
            HttpResponse<byte[]> pdf = h.client().send(HttpRequest.newBuilder(h.uri("/api/reports/before-wrap.pdf")).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            Files.write(out.resolve("before-wrap.pdf"), pdf.body());
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                assertTrue(doc.getNumberOfPages() >= 5, doc.getNumberOfPages() + " pages");
                var text = new org.apache.pdfbox.text.PDFTextStripper();
                String all = text.getText(doc);
                assertTrue(all.contains("Scene 5 - INT. TRAINING ROOM - DAY"), all);
                assertTrue(all.contains("5G (CU, Insert: JANA's hands): not shot"), all);
                var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 60), "png",
                            out.resolve("before-wrap-page-" + (i + 1) + ".png").toFile());
                }
            }
            assertEquals(404, h.get("/api/reports/before-wrap.html?scene=99").statusCode());
            HttpResponse<String> one = h.get("/api/reports/before-wrap.html?scene=5");
            assertEquals(1, one.body().split("<section>", -1).length - 1);
            Path stills = Files.createDirectories(Path.of("target", "signing-room-stills"));
            for (Clip c : asl) {
                Path still = h.appliance().analysis() == null ? null
                        : tmp.resolve("data").resolve("stills").resolve(Long.toString(c.id())).resolve("contact-sheet.jpg");
                if (still != null && Files.exists(still)) {
                    Files.copy(still, stills.resolve(c.fileName() + ".jpg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String expected(String clip) {
        return switch (clip) {
            case "again.mkv", "brother.mkv", "no.mkv" -> "DANI";
            case "milk.mkv", "please.mkv", "sorry.mkv" -> "TOMAS";
            case "book.mkv", "learn.mkv", "school.mkv" -> "JANA";
            case "eat.mkv", "night.mkv" -> "PAVEL";
            default -> "ORIN";
        };
    }

    static void assertNotMissing(JsonObject setup, String message) {
        assertFalse(setup.getString("status").equals("MISSING"), message + ": " + setup);
    }

    static JsonObject setup(JsonObject scene, String id) {
        return scene.getJsonArray("setups").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("setup").equals(id)).findFirst().orElseThrow();
    }

    static List<String> flags(JsonObject scene) {
        return scene.getJsonArray("flags").stream().map(JsonValue::asJsonObject)
                .map(f -> f.getString("type") + " " + f.getString("setup", f.getString("character", ""))).toList();
    }

    static void print(JsonObject board) {
        for (JsonValue v : board.getJsonArray("scenes")) {
            JsonObject s = v.asJsonObject();
            System.out.println("scene " + s.getString("scene") + " " + s.getString("heading", "") + ": " + s.getString("status"));
            for (JsonValue sv : s.getJsonArray("setups")) {
                JsonObject su = sv.asJsonObject();
                String takes = su.getJsonArray("takes").stream().map(JsonValue::asJsonObject)
                        .map(t -> t.getInt("take") + "=" + t.getString("status") + "(" + String.join(", ",
                                t.getJsonArray("notes").getValuesAs(jakarta.json.JsonString::getString)) + ")")
                        .collect(Collectors.joining("; "));
                System.out.println("  " + su.getString("setup") + " " + su.getString("shotSize") + " " + su.getString("status")
                        + ": " + (takes.isEmpty() ? "-" : takes));
            }
            for (JsonValue cv : s.getJsonArray("characters")) {
                System.out.println("  char " + cv);
            }
            for (JsonValue f : s.getJsonArray("beforeWrap")) {
                System.out.println("  ! " + f);
            }
        }
        System.out.println("unplaced: " + board.getJsonArray("unplaced"));
    }

    static List<Clip> awaitAnalysed(ApplianceHarness h, String cardId) throws InterruptedException {
        List<Clip> video = List.of();
        for (int i = 0; i < 3000; i++) {
            video = h.appliance().clips().byCard(cardId).stream().filter(c -> "VIDEO".equals(c.kind())).toList();
            boolean settled = !video.isEmpty() && video.stream().allMatch(c -> h.appliance().analysisStore()
                    .analysis(c.id()).map(a -> a.state() == AnalysisStore.State.DONE
                            || a.state() == AnalysisStore.State.FAILED).orElse(false))
                    && video.stream().allMatch(c -> h.appliance().model().prediction(c.fileName()).isPresent());
            if (settled) {
                return video;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("analysis of card " + cardId + " did not finish: " + video.size() + " clips");
    }
}
