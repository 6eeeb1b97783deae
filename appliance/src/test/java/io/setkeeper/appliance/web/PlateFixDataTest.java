package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.fixes.plate.PlateProposal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-plate fix through the real API: {@code footage/opencv/vtest.avi} (a locked-off wide, people crossing)
 * and the asl take {@code again.mkv} are slated as setups 9A and 5B by an ALE, offloaded and analysed, so the
 * production model learns each setup's plate; a DIT asks for {@code {"kind":"plate"}} on each. The verdict follows
 * the plate's holes against {@link PlateProposal#MAX_HOLES}; the stills (before, after, mask of the holes, the plate)
 * are served; nothing of the footage changes.
 */
class PlateFixDataTest {
    private static final Pattern HOLES = Pattern.compile("holes=([0-9.]+)");

    @TempDir
    Path tmp;

    @Test
    void plateOfALockedOffWideIsProposedWithStillsAndMask() throws Exception {
        Path card = Files.createDirectories(tmp.resolve("card/A009"));
        Files.copy(TestData.file("footage/opencv/vtest.avi"), card.resolve("vtest.avi"));
        Files.copy(TestData.file("footage/asl/again.mkv"), card.resolve("again.mkv"));
        Path ale = tmp.resolve("A009.ale");
        Files.writeString(ale, String.join("\n", "Heading", "FIELD_DELIM\tTABS", "VIDEO_FORMAT\t1080", "FPS\t25", "",
                "Column", "Name\tTape\tStart\tEnd\tScene\tTake\tCamroll\tCamera\tCircled\tSource File", "", "Data",
                "A009C001\tA009\t11:00:00:00\t11:01:19:12\t9A\t1\tA009\tA\tY\tvtest.avi",
                "A009C002\tA009\t11:02:00:00\t11:02:02:17\t5B\t1\tA009\tA\tY\tagain.mkv", ""));
        Map<Path, String> before = FixProposalDataTest.hashes(List.of(card));
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            ReviewClient c = new ReviewClient(h);
            String dit = c.user(c.adminToken(tmp.resolve("data")), "Ana DIT", "DIT");
            assertEquals(200, h.post("/api/slates", Json.createObjectBuilder().add("path", ale.toString()).build()
                    .toString()).statusCode());
            assertEquals(202, h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", tmp.resolve("card").toString()).add("card", "A009")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build()
                    .toString()).statusCode());
            Map<String, Clip> clips = FixProposalDataTest.awaitAnalysed(h, 2);
            // the analysis is DONE before its listeners ran: wait until the model learned both plates
            for (int i = 0; i < 600 && (h.get("/api/model/plates/9A.png").statusCode() != 200
                    || h.get("/api/model/plates/5B.png").statusCode() != 200); i++) {
                Thread.sleep(100);
            }

            for (String name : List.of("vtest.avi", "again.mkv")) {
                HttpResponse<String> r = c.post("/api/clips/" + clips.get(name).id() + "/fixes", dit,
                        "{\"kind\":\"plate\"}");
                assertEquals(201, r.statusCode(), r.body());
                JsonObject fix = ReviewClient.json(r.body());
                assertEquals("plate", fix.getString("kind"));
                JsonObject verdict = fix.getJsonObject("verdict");
                String measure = fix.getJsonArray("evidence").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).filter(e -> e.startsWith("measure:plate")).findFirst()
                        .orElseThrow(() -> new AssertionError("no plate measure: " + r.body()));
                System.out.println("plate fix of " + name + ": " + verdict + " " + measure);
                Matcher m = HOLES.matcher(measure);
                if (!m.find()) {
                    assertEquals("RESHOOT_ADVISED", verdict.getString("kind"), r.body());
                    assertTrue(verdict.getString("reason").contains("no clean plate"), r.body());
                    continue;
                }
                double holes = Double.parseDouble(m.group(1));
                assertEquals(holes > PlateProposal.MAX_HOLES ? "RESHOOT_ADVISED" : "FIXABLE_IN_POST",
                        verdict.getString("kind"), r.body());
                String id = fix.getString("id");
                BufferedImage b = png(h, id, "before.png"), a = png(h, id, "after.png"), mask = png(h, id, "mask.png");
                BufferedImage plate = png(h, id, "plate.png");
                assertEquals(plate.getWidth(), mask.getWidth());
                assertEquals(plate.getWidth(), a.getWidth());
                assertFalse(Arrays.equals(pixels(b, a.getWidth(), a.getHeight()), pixels(a, a.getWidth(),
                        a.getHeight())), "the plate differs from the clip's still");
                double maskHoles = 0;
                for (int y = 0; y < mask.getHeight(); y++) {
                    for (int x = 0; x < mask.getWidth(); x++) {
                        maskHoles += (mask.getRGB(x, y) & 0xff) > 127 ? 1 : 0;
                    }
                }
                assertEquals(holes, maskHoles / (mask.getWidth() * mask.getHeight()), 1e-4,
                        "the mask shows the holes the measure names");
                if (name.equals("vtest.avi")) {
                    assertEquals("FIXABLE_IN_POST", verdict.getString("kind"), "vtest's plate: " + measure);
                    assertTrue(holes < 0.01, measure);
                }
            }
        }
        assertEquals(before, FixProposalDataTest.hashes(List.of(card)), "the footage was not modified");
    }

    private static int[] pixels(BufferedImage img, int w, int h) {
        BufferedImage s = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        s.createGraphics().drawImage(img, 0, 0, w, h, null);
        return s.getRGB(0, 0, w, h, null, 0, w);
    }

    private static BufferedImage png(ApplianceHarness h, String fix, String name) throws Exception {
        HttpResponse<byte[]> r = h.client().send(HttpRequest.newBuilder(h.uri("/api/fixes/" + fix + "/stills/"
                + name)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), name);
        assertEquals("image/png", r.headers().firstValue("content-type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }
}
