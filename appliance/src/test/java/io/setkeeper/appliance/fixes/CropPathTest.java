package io.setkeeper.appliance.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.fixes.reframe.Aspect;
import io.setkeeper.appliance.fixes.reframe.CropPath;
import io.setkeeper.appliance.review.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The crop path on synthetic faces: follows a walk without jitter, holds still for a jittery face, refuses big faces. */
class CropPathTest {
    private static List<CropPath.Observation> walk(int frames, int stride, double jitter, float size, long seed) {
        Random rnd = new Random(seed);
        List<CropPath.Observation> out = new ArrayList<>();
        for (int t = 0; t < frames; t += stride) {
            double cx = 200 + 1400.0 * t / frames + rnd.nextGaussian() * jitter;
            double cy = 400 + rnd.nextGaussian() * jitter;
            out.add(new CropPath.Observation(t, new Box((float) (cx - size / 2), (float) (cy - size / 2),
                    (float) (cx + size / 2), (float) (cy + size / 2), 0.9f)));
        }
        return out;
    }

    @Test
    void aWalkingFaceStaysInsideAndTheCropMovesSmoothly() {
        List<CropPath.Observation> face = walk(150, 3, 4, 120, 1);
        CropPath.Plan p = CropPath.plan(1920, 1080, 150, 25, Aspect.parse("9:16"), face, CropPath.Settings.defaults());
        assertEquals(608, p.crops().getFirst().w());
        assertEquals(1080, p.crops().getFirst().h());
        assertEquals(1.0, p.faceInside(), 1e-9);
        assertTrue(p.largestStep() < 25, "largest step " + p.largestStep());
        assertEquals(Verdict.Kind.FIXABLE_IN_POST, p.verdict().kind());
        for (CropPath.Crop c : p.crops()) {
            assertTrue(c.x() >= 0 && c.x() + c.w() <= 1920 && c.y() == 0, c.toString());
        }
    }

    @Test
    void aFaceJitteringInPlaceDoesNotMoveTheCrop() {
        List<CropPath.Observation> still = new ArrayList<>();
        Random rnd = new Random(2);
        for (int t = 0; t < 100; t += 2) {
            float cx = (float) (900 + rnd.nextGaussian() * 6);
            still.add(new CropPath.Observation(t, new Box(cx - 60, 300, cx + 60, 420, 0.9f)));
        }
        CropPath.Plan p = CropPath.plan(1920, 1080, 100, 25, Aspect.parse("9:16"), still, CropPath.Settings.defaults());
        assertTrue(p.largestStep() <= 1, "a jittery detection moved the crop by " + p.largestStep());
        assertEquals(1.0, p.faceInside(), 1e-9);
    }

    @Test
    void aFaceTooBigForTheCropOrNoFaceIsAReshoot() {
        List<CropPath.Observation> big = walk(60, 2, 0, 700, 3);
        CropPath.Plan p = CropPath.plan(1920, 1080, 60, 25, Aspect.parse("9:16"), big, CropPath.Settings.defaults());
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, p.verdict().kind());
        assertTrue(p.verdict().reason().contains("does not fit"), p.verdict().reason());
        CropPath.Plan none = CropPath.plan(1920, 1080, 60, 25, Aspect.parse("9:16"), List.of(),
                CropPath.Settings.defaults());
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, none.verdict().kind());
    }

    @Test
    void aspectsParseAndBadOnesAreRefused() {
        assertEquals(9.0 / 16, Aspect.parse("9:16").ratio(), 1e-12);
        assertEquals(2.39, Aspect.parse("2.39").ratio(), 1e-12);
        assertEquals(2.39, Aspect.parse("2.39:1").ratio(), 1e-12);
        int[] wide = Aspect.parse("2.39").cropSize(640, 480);
        assertEquals(640, wide[0]);
        assertEquals(268, wide[1]);
        assertThrows(IllegalArgumentException.class, () -> Aspect.parse("tall"));
        assertThrows(IllegalArgumentException.class, () -> Aspect.parse("0:16"));
        assertThrows(IllegalArgumentException.class, () -> Aspect.parse(""));
    }
}
