package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cascade's pure parts: the plan, and YOLOX decoded below the reporting threshold. */
class CascadeTest {
    private static Detection det(int classId, float score) {
        return new Detection(new Box(10, 10, 50, 90, score), classId, CocoLabels.NAMES.get(classId));
    }

    @Test
    void theMaskRunsOnlyWhenAPersonOrAFaceMayBeThere() {
        PerceptionPlan.Cascade on = PerceptionPlan.Cascade.defaults();
        assertFalse(PerceptionPlan.decide(List.of(), false, on).personMask(), "nobody: no mask");
        assertFalse(PerceptionPlan.decide(List.of(det(2, 0.9f), det(56, 0.5f)), false, on).personMask(),
                "a car and a chair are not people");
        assertFalse(PerceptionPlan.decide(List.of(det(0, 0.09f)), false, on).personMask(), "below the person threshold");
        assertTrue(PerceptionPlan.decide(List.of(det(0, 0.1f)), false, on).personMask(), "a weak person is enough");
        assertTrue(PerceptionPlan.decide(List.of(det(2, 0.9f), det(0, 0.6f)), false, on).personMask());
        assertTrue(PerceptionPlan.decide(List.of(), true, on).personMask(), "a face without a YOLOX person (close-up)");
        assertTrue(PerceptionPlan.decide(List.of(), false, PerceptionPlan.Cascade.off()).personMask(), "cascade off");
        assertThrows(IllegalArgumentException.class, () -> new PerceptionPlan.Cascade(true, 0f));
    }

    @Test
    void anEmptyMaskCoversNothing() {
        PersonMask none = PersonMask.empty(257, 257);
        assertEquals(0.0, none.coverage());
        assertFalse(none.personAt(100, 100, 480, 360));
    }

    /**
     * Decoding down to a lower threshold and keeping the detections at or above the reporting threshold gives
     * exactly what decoding at the reporting threshold gives (greedy NMS: lower boxes never suppress higher ones),
     * on random dense outputs with many overlapping boxes of few classes.
     */
    @Test
    void detectionsAboveTheReportingThresholdDoNotDependOnTheDecodeThreshold() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            float[] out = new float[3549 * 85];
            for (int row = 0; row < 3549; row++) {
                if (r.nextDouble() > 0.05) {
                    continue;
                }
                int o = row * 85;
                out[o] = r.nextFloat();
                out[o + 1] = r.nextFloat();
                out[o + 2] = (float) r.nextGaussian();
                out[o + 3] = (float) r.nextGaussian();
                out[o + 4] = r.nextFloat();
                out[o + 5 + r.nextInt(3)] = r.nextFloat();
            }
            List<Detection> reported = ObjectDetector.decode(out, 416.0 / 480, 480, 360, 0.3f, 0.45f);
            List<Detection> low = ObjectDetector.decode(out, 416.0 / 480, 480, 360, 0.1f, 0.45f);
            assertTrue(low.size() > reported.size(), "the lower threshold must see more");
            assertEquals(reported, low.stream().filter(d -> d.box().score() >= 0.3f).toList());
        }
    }
}
