package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coverage board and the before-wrap report on a real appliance with a plan and nothing shot yet. */
class CoverageApiTest {
    @TempDir
    Path tmp;

    @Test
    void nothingShotYetOnTheBoardAndInTheReport() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            assertEquals(201, PlanApiTest.send(h, "/api/plan/screenplay", "text/plain", PlanApiTest.FOUNTAIN).statusCode());
            assertEquals(201, PlanApiTest.send(h, "/api/plan/shotlist", "text/csv", PlanApiTest.SHOTS).statusCode());
            assertEquals(200, h.post("/api/plan/day", "1").statusCode());

            JsonObject board = PlanApiTest.obj(h.get("/api/coverage").body());
            assertEquals("[\"1\"]", board.getJsonArray("day").toString());
            JsonObject one = board.getJsonArray("scenes").getJsonObject(0);
            assertEquals("NOTHING_SHOT", one.getString("status"));
            assertEquals("MISSING", one.getJsonArray("setups").getJsonObject(0).getString("status"));
            assertEquals("NothingShot", one.getJsonArray("flags").getJsonObject(0).getString("type"));
            assertEquals("[\"MCU\",\"CU\"]", board.getJsonArray("singleSizes").toString());
            assertEquals(1, board.getJsonArray("beforeWrap").size(), "only the day's scene: " + board);
            // ?day= overrides the stored day
            JsonObject both = PlanApiTest.obj(h.get("/api/coverage?day=1,2").body());
            assertEquals(1, both.getJsonArray("beforeWrap").size(), "scene 2 has no planned setup: nothing to say");

            HttpResponse<String> html = h.get("/api/reports/before-wrap.html?scene=1");
            assertEquals(200, html.statusCode());
            assertTrue(html.body().contains("Nothing shot of scene 1 yet (2 setups planned)"), html.body());
            HttpResponse<byte[]> pdf = h.client().send(HttpRequest.newBuilder(h.uri("/api/reports/before-wrap.pdf"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                assertEquals(2, doc.getNumberOfPages(), "one page per scene");
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertTrue(text.contains("1A (WS, Kitchen master): not shot"), text);
            }
            assertEquals(404, h.get("/api/reports/before-wrap.pdf?scene=42").statusCode());
        }
    }
}
