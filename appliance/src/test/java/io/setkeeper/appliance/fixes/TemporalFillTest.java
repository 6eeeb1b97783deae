package io.setkeeper.appliance.fixes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.fixes.patch.Region;
import io.setkeeper.appliance.fixes.patch.TemporalFill;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.Verdict;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The patch decision on synthetic frames, and the request parser's refusals. */
class TemporalFillTest {
    private static final Region REGION = new Region(8, 8, 16, 16);

    /** A still textured picture, shifted by {@code shift} pixels (a moving camera), with a block at frames 10-14. */
    private static List<TemporalFill.Indexed> clip(int frames, int shift) {
        Random rnd = new Random(5);
        byte[] texture = new byte[96 * 64 * 3];
        rnd.nextBytes(texture);
        List<TemporalFill.Indexed> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            byte[] px = new byte[64 * 48 * 3];
            for (int y = 0; y < 48; y++) {
                System.arraycopy(texture, (y * 96 + (t * shift) % 32) * 3, px, y * 64 * 3, 64 * 3);
            }
            if (t >= 10 && t <= 14) {
                for (int y = 10; y < 20; y++) {
                    for (int x = 10; x < 20; x++) {
                        px[(y * 64 + x) * 3] = px[(y * 64 + x) * 3 + 1] = px[(y * 64 + x) * 3 + 2] = (byte) 128;
                    }
                }
            }
            out.add(new TemporalFill.Indexed(t, new Frame(64, 48, px, t * 40_000L)));
        }
        return out;
    }

    @Test
    void aStillBackgroundIsRestoredExactly() {
        List<TemporalFill.Indexed> frames = clip(30, 0);
        TemporalFill.Patch p = TemporalFill.fill(frames, 10, 14, REGION, List.of(), TemporalFill.Settings.defaults());
        assertEquals(Verdict.Kind.FIXABLE_IN_POST, p.verdict().kind(), p.verdict().reason());
        Frame patched = p.applyTo(frames.get(12).frame());
        assertArrayEquals(frames.get(0).frame().bgr(), patched.bgr(), "the fill is the background itself");
        assertEquals(24, p.neighbours().size());
        assertTrue(p.neighbours().stream().noneMatch(i -> i >= 10 && i <= 14));
    }

    @Test
    void aMovingCameraAFaceOrNoNeighboursAreReshoots() {
        TemporalFill.Patch moving = TemporalFill.fill(clip(30, 3), 10, 14, REGION, List.of(),
                TemporalFill.Settings.defaults());
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, moving.verdict().kind());
        assertTrue(moving.verdict().reason().contains("no clean neighbours"), moving.verdict().reason());
        TemporalFill.Patch face = TemporalFill.fill(clip(30, 0), 10, 14, REGION,
                List.of(new Box(12, 12, 30, 30, 0.9f)), TemporalFill.Settings.defaults());
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, face.verdict().kind());
        assertTrue(face.verdict().reason().contains("face"), face.verdict().reason());
        TemporalFill.Patch none = TemporalFill.fill(clip(15, 0), 0, 14, REGION, List.of(),
                TemporalFill.Settings.defaults());
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, none.verdict().kind());
        assertTrue(none.verdict().reason().contains("no clean neighbours"), none.verdict().reason());
        assertThrows(IllegalArgumentException.class, () -> TemporalFill.fill(clip(30, 0), 10, 14,
                new Region(60, 40, 16, 16), List.of(), TemporalFill.Settings.defaults()));
    }

    @Test
    void requestsAreParsedOrRefusedNamingTheField() {
        assertTrue(parse("{\"kind\":\"cdl\"}") instanceof FixRequest.Cdl c && c.reference().equals("scene"));
        assertTrue(parse("{\"kind\":\"cdl\",\"reference\":\"clip:12\"}") instanceof FixRequest.Cdl);
        assertTrue(parse("{\"kind\":\"reframe\",\"aspect\":\"9:16\"}") instanceof FixRequest.Reframe);
        assertTrue(parse("{\"kind\":\"patch\",\"frames\":[3,9],\"region\":[1,2,3,4]}") instanceof FixRequest.Patch p
                && p.region().equals(new Region(1, 2, 3, 4)) && p.first() == 3 && p.last() == 9);
        assertTrue(parse("{\"kind\":\"plate\"}") instanceof FixRequest.Plate);
        for (String bad : List.of("{}", "{\"kind\":\"moon\"}", "{\"kind\":\"cdl\",\"reference\":\"moon\"}",
                "{\"kind\":\"cdl\",\"limit\":-1}", "{\"kind\":\"reframe\"}", "{\"kind\":\"patch\",\"frames\":[9,3],"
                        + "\"region\":[1,2,3,4]}", "{\"kind\":\"patch\",\"frames\":[1,2],\"region\":[1,2,0,4]}",
                "{\"kind\":\"patch\",\"frames\":[1.5,2],\"region\":[1,2,3,4]}")) {
            ReviewException e = assertThrows(ReviewException.class, () -> parse(bad), bad);
            assertEquals(ReviewException.Kind.INVALID, e.kind(), bad);
        }
    }

    private static FixRequest parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return FixRequest.parse(r.readObject());
        }
    }
}
