package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix generators through the real API on real asl takes: a card is offloaded and analysed, then a DIT asks for
 * a CDL match (to another clip and to the scene look the production model learned), a 9:16 reframe and two patches
 * (background: fixable; over the performer's face: reshoot). Each proposal is in {@code /api/fixes} with its stills,
 * can be decided, and no footage file changed (hashes before and after).
 */
class FixProposalDataTest {
    @TempDir
    Path tmp;

    @Test
    void aDitGetsCdlReframeAndPatchProposalsWithStills() throws Exception {
        Path card = Files.createDirectories(tmp.resolve("card/A001"));
        for (String take : List.of("again.mkv", "book.mkv")) {
            Files.copy(TestData.file("footage/asl/" + take), card.resolve(take));
        }
        Map<Path, String> before = hashes(List.of(TestData.file("footage/asl"), tmp.resolve("card")));
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            ReviewClient c = new ReviewClient(h);
            String admin = c.adminToken(tmp.resolve("data"));
            String dit = c.user(admin, "Ana DIT", "DIT");
            String viewer = c.user(admin, "Vic Viewer", "VIEWER");
            assertEquals(200, h.post("/api/slates", Json.createObjectBuilder().add("path",
                    TestData.file("production/A001.ale").toString()).build().toString()).statusCode());
            HttpResponse<String> started = h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", tmp.resolve("card").toString()).add("card", "A001")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build()
                    .toString());
            assertEquals(202, started.statusCode(), started.body());
            Map<String, Clip> clips = awaitAnalysed(h, 2);
            Clip again = clips.get("again.mkv"), book = clips.get("book.mkv");
            Map<Path, String> raidBefore = hashes(List.of(tmp.resolve("raid")));

            // a CDL that matches "again" to "book"
            HttpResponse<String> cdl = c.post("/api/clips/" + again.id() + "/fixes", dit,
                    "{\"kind\":\"cdl\",\"reference\":\"clip:" + book.id() + "\"}");
            assertEquals(201, cdl.statusCode(), cdl.body());
            JsonObject fix = ReviewClient.json(cdl.body());
            String cdlId = fix.getString("id");
            assertEquals("cdl", fix.getString("kind"));
            assertTrue(fix.getJsonObject("verdict").getString("reason").contains("CIEDE2000"), cdl.body());
            assertEquals("PROPOSED", ReviewClient.json(c.get("/api/fixes/" + cdlId, null).body()).getString("status"));
            byte[] b = png(h, cdlId, "before.png"), a = png(h, cdlId, "after.png");
            assertFalse(Arrays.equals(a, b), "the graded still differs from the original");

            // against the scene look the production model learned from the analysed takes (scene 5 from the ALE)
            HttpResponse<String> scene = c.post("/api/clips/" + again.id() + "/fixes", dit,
                    "{\"kind\":\"cdl\",\"reference\":\"scene\"}");
            assertEquals(201, scene.statusCode(), scene.body());
            assertTrue(ReviewClient.json(scene.body()).getString("reference").startsWith("scene 5 look"), scene.body());

            // a 9:16 reframe: one crop per frame, 270x480 of the 640x480 picture
            HttpResponse<String> reframe = c.post("/api/clips/" + again.id() + "/fixes", dit,
                    "{\"kind\":\"reframe\",\"aspect\":\"9:16\"}");
            assertEquals(201, reframe.statusCode(), reframe.body());
            JsonObject rf = ReviewClient.json(reframe.body());
            assertEquals("FIXABLE_IN_POST", rf.getJsonObject("verdict").getString("kind"), reframe.body());
            List<String> path = c.get("/api/fixes/" + rf.getString("id") + "/stills/crop-path.csv", null).body()
                    .lines().toList();
            assertEquals("frame,x,y,w,h", path.getFirst());
            assertTrue(path.size() > 60, "one line per frame: " + path.size());
            assertTrue(path.stream().skip(1).allMatch(l -> l.endsWith(",270,480")), path.get(1));
            png(h, rf.getString("id"), "after.png");

            // a patch over the background is fixable; one over the performer's face is not
            HttpResponse<String> wall = c.post("/api/clips/" + again.id() + "/fixes", dit,
                    "{\"kind\":\"patch\",\"frames\":[20,29],\"region\":[16,16,96,96]}");
            assertEquals(201, wall.statusCode(), wall.body());
            JsonObject w = ReviewClient.json(wall.body());
            assertEquals("FIXABLE_IN_POST", w.getJsonObject("verdict").getString("kind"), wall.body());
            png(h, w.getString("id"), "mask.png");
            png(h, w.getString("id"), "plate.png");
            HttpResponse<String> face = c.post("/api/clips/" + again.id() + "/fixes", dit,
                    "{\"kind\":\"patch\",\"frames\":[20,29],\"region\":[160,0,320,300]}");
            assertEquals(201, face.statusCode(), face.body());
            JsonObject fv = ReviewClient.json(face.body()).getJsonObject("verdict");
            assertEquals("RESHOOT_ADVISED", fv.getString("kind"), face.body());
            assertTrue(fv.getString("reason").contains("face"), face.body());

            // bad requests are refused clearly and nothing is proposed for them
            int proposed = ReviewClient.json("{\"a\":" + c.get("/api/fixes", null).body() + "}").getJsonArray("a").size();
            assertEquals(5, proposed);
            assertEquals(401, c.post("/api/clips/" + again.id() + "/fixes", null, "{\"kind\":\"reframe\",\"aspect\":\"9:16\"}").statusCode());
            assertEquals(403, c.post("/api/clips/" + again.id() + "/fixes", viewer, "{\"kind\":\"reframe\",\"aspect\":\"9:16\"}").statusCode());
            assertEquals(404, c.post("/api/clips/999999/fixes", dit, "{\"kind\":\"reframe\",\"aspect\":\"9:16\"}").statusCode());
            assertEquals(400, c.post("/api/clips/" + again.id() + "/fixes", dit, "{\"kind\":\"sharpen\"}").statusCode());
            assertEquals(400, c.post("/api/clips/" + again.id() + "/fixes", dit, "{\"kind\":\"reframe\",\"aspect\":\"tall\"}").statusCode());
            assertEquals(400, c.post("/api/clips/" + again.id() + "/fixes", dit, "{\"kind\":\"patch\",\"frames\":[5000,5010],\"region\":[0,0,10,10]}").statusCode());
            assertEquals(400, c.post("/api/clips/" + again.id() + "/fixes", dit, "{\"kind\":\"patch\",\"frames\":[20,29],\"region\":[600,0,100,10]}").statusCode());
            assertEquals(400, c.post("/api/clips/" + again.id() + "/fixes", dit, "{\"kind\":\"cdl\",\"reference\":\"moon\"}").statusCode());
            assertEquals(404, c.get("/api/fixes/" + cdlId + "/stills/..%2F..%2Fsetkeeper.mv.db", null).statusCode());
            assertEquals(proposed, ReviewClient.json("{\"a\":" + c.get("/api/fixes", null).body() + "}").getJsonArray("a").size());

            // the proposal goes through the gate like any fix
            assertEquals(201, c.decide(dit, "FIX", cdlId, "APPROVE", "matches the master").statusCode());
            assertEquals(raidBefore, hashes(List.of(tmp.resolve("raid"))), "the offloaded clips were not modified");
        }
        assertEquals(before, hashes(List.of(TestData.file("footage/asl"), tmp.resolve("card"))),
                "the footage was not modified");
    }

    private static byte[] png(ApplianceHarness h, String fix, String name) throws Exception {
        HttpResponse<byte[]> r = h.client().send(HttpRequest.newBuilder(h.uri("/api/fixes/" + fix + "/stills/"
                + name)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), name);
        assertEquals("image/png", r.headers().firstValue("content-type").orElse(""));
        assertEquals((byte) 0x89, r.body()[0]);
        assertEquals((byte) 'P', r.body()[1]);
        return r.body();
    }

    static Map<String, Clip> awaitAnalysed(ApplianceHarness h, int count) throws Exception {
        for (int i = 0; i < 1800; i++) {
            List<Clip> clips = h.appliance().clips().clips("signing-room").stream()
                    .filter(c -> "VIDEO".equals(c.kind())).toList();
            boolean done = clips.size() == count && clips.stream().allMatch(c -> h.appliance().analysisStore()
                    .analysis(c.id()).map(a -> a.state() == AnalysisStore.State.DONE).orElse(false));
            if (done) {
                Map<String, Clip> out = new LinkedHashMap<>();
                clips.forEach(c -> out.put(c.fileName(), c));
                return out;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("clips were not analysed in time");
    }

    static Map<Path, String> hashes(List<Path> roots) throws Exception {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    out.put(p, HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }
}
