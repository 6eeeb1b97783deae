package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.model.LearnResult;
import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.model.Synthetic;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model API over real HTTP on a real appliance: predictions, corrections, versions, a tampered version. */
class ModelApiTest {
    @TempDir
    Path tmp;

    private static JsonObject obj(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void predictionsCorrectionsVersionsAndATamperedVersion() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            ModelService model = h.appliance().model();
            Synthetic s = new Synthetic(31, 3, 3);
            for (int i = 0; i < 6; i++) {
                LearnResult r = model.learn(s.clip("t" + i, i % 3, i % 3));
                if (i < 3) {
                    HttpResponse<String> named = h.post("/api/model/corrections", Json.createObjectBuilder().add("kind", "NAME")
                            .add("person", r.clusters().getFirst()).add("value", "C" + i).add("by", "dit").build().toString());
                    assertEquals(201, named.statusCode(), named.body());
                }
            }
            JsonObject p = obj(h.get("/api/model/predictions/t4").body());
            assertEquals("C1", p.getJsonArray("people").getJsonObject(0).getString("character"));
            assertTrue(p.getJsonArray("people").getJsonObject(0).getJsonNumber("confidence").doubleValue() > 0.5);
            assertEquals("S1", p.getJsonObject("setup").getString("predicted"));
            assertEquals(404, h.get("/api/model/predictions/nope").statusCode());

            HttpResponse<String> bad = h.post("/api/model/corrections", "{\"kind\":\"CHARACTER\",\"clip\":\"t4\",\"person\":0,"
                    + "\"value\":\"GHOST\",\"by\":\"dit\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("unknown character"), bad.body());
            assertEquals(201, h.post("/api/model/corrections", "{\"kind\":\"SETUP\",\"clip\":\"t4\",\"value\":\"S2\",\"by\":\"script\"}").statusCode());
            assertEquals("S2", obj(h.get("/api/model/predictions/t4").body()).getJsonObject("setup").getString("slate"));
            // the author is the token's user; the body's "by" is kept as whom it was done for
            String corrections = h.get("/api/model/corrections").body();
            assertTrue(corrections.contains("\"by\":\"harness dit 2 (DIT) for script\""), corrections);

            HttpResponse<String> v1 = h.post("/api/model/versions", "{\"reason\":\"end of card A001\"}");
            assertEquals(201, v1.statusCode(), v1.body());
            model.learn(s.clip("t6", 0, 0));
            HttpResponse<String> v2 = h.post("/api/model/versions", "{\"reason\":\"on demand\"}");
            assertEquals("v1", obj(v2.body()).getString("parent"));
            JsonArray history = Json.createReader(new StringReader(h.get("/api/model/versions").body())).readArray();
            assertEquals(2, history.size());
            assertTrue(history.getJsonObject(1).getBoolean("active"));
            JsonObject state = obj(h.get("/api/model").body());
            assertEquals("v2", state.getJsonObject("version").getString("id"));
            assertEquals(7, state.getJsonObject("manifest").getJsonArray("clips").size());

            assertEquals(200, h.post("/api/model/versions/v1/activate", "").statusCode());
            assertEquals(6, obj(h.get("/api/model").body()).getInt("clips"));
            Path onnx = Path.of(obj(v2.body()).getString("dir")).resolve("heads.onnx");
            byte[] b = Files.readAllBytes(onnx);
            b[b.length / 2] ^= 0x20;
            Files.write(onnx, b);
            HttpResponse<String> refused = h.post("/api/model/versions/v2/activate", "");
            assertEquals(422, refused.statusCode());
            assertTrue(refused.body().contains("tampered"), refused.body());
            assertEquals("v1", obj(h.get("/api/model").body()).getJsonObject("version").getString("id"));
        }
    }

    @Test
    void cleanPlatesAreListedAndServedAsPng() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            ModelService model = h.appliance().model();
            Synthetic s = new Synthetic(31, 3, 3);
            for (int i = 0; i < 6; i++) {
                model.learn(s.clip("t" + i, i % 3, i % 3));
            }
            java.util.List<io.setkeeper.appliance.analysis.Frame> frames = new java.util.ArrayList<>();
            java.util.List<io.setkeeper.appliance.analysis.perception.FramePerception> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] bgr = new byte[64 * 48 * 3];
                java.util.Arrays.fill(bgr, (byte) (100 + i));
                frames.add(new io.setkeeper.appliance.analysis.Frame(64, 48, bgr, i * 500_000L));
                seen.add(new io.setkeeper.appliance.analysis.perception.FramePerception(i * 500_000L, java.util.List.of(),
                        java.util.List.of(), null));
            }
            assertEquals("not learned by the model", model.learnPlate("nope", frames, seen));
            String setup = model.prediction("t1").orElseThrow().setup().slate();
            assertEquals(null, model.learnPlate("t1", frames, seen), "a learned clip agreeing with its slate teaches the plate");
            assertEquals("already in the plate", model.learnPlate("t1", frames, seen));
            JsonArray plates = Json.createReader(new StringReader(h.get("/api/model/plates").body())).readArray();
            assertEquals(1, plates.size());
            assertEquals(setup, plates.getJsonObject(0).getString("setup"));
            assertEquals(0, plates.getJsonObject(0).getJsonNumber("holeFraction").doubleValue());
            HttpResponse<byte[]> png = h.client().send(java.net.http.HttpRequest.newBuilder(
                    h.uri(plates.getJsonObject(0).getString("png"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            assertEquals(64, img.getWidth());
            assertEquals(102, img.getRGB(5, 5) & 0xff, "the median of 100..103");
            assertEquals(404, h.get("/api/model/plates/nope.png").statusCode());
            assertEquals(200, h.get("/api/model/plates/" + setup + ".png?map=coverage").statusCode());
        }
    }
}
