package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Features from frames and perception: black clips, empty sets, people masked out of the background. */
class FeatureExtractorTest {
    private static List<Frame> frames(int n, int w, int h, java.util.function.IntUnaryOperator pixel) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] bgr = new byte[w * h * 3];
            for (int p = 0; p < bgr.length; p++) {
                bgr[p] = (byte) pixel.applyAsInt(p);
            }
            out.add(new Frame(w, h, bgr, i * 200_000L));
        }
        return out;
    }

    private static List<FramePerception> nothing(List<Frame> frames) {
        return frames.stream().map(f -> new FramePerception(f.ptsMicros(), List.of(), List.of(), null)).toList();
    }

    @Test
    void aBlackClipIsMeasuredAsBlackAndTeachesNothing() {
        List<Frame> black = frames(5, 64, 48, p -> 0);
        ClipFeatures f = FeatureExtractor.extract("black.mov", "5", "5B", black, nothing(black));
        assertEquals(0, f.picture().exposure(), 1e-9);
        assertTrue(f.people().isEmpty());
        assertNull(f.framing());
        ProductionModel m = new ProductionModel("p", java.util.Set.of(), ProductionModelTest.CLOCK);
        LearnResult r = m.learn(f);
        assertFalse(r.learned(), r.toString());
        assertTrue(m.setupNames().isEmpty());
        assertTrue(m.looks().isEmpty());
    }

    @Test
    void anEmptySetTeachesItsBackgroundAndNoCharacter() {
        Random rng = new Random(5);
        List<Frame> plate = frames(4, 64, 48, p -> 60 + rng.nextInt(120));
        ClipFeatures f = FeatureExtractor.extract("plate.mov", "5", "5B", plate, nothing(plate));
        ProductionModel m = new ProductionModel("p", java.util.Set.of(), ProductionModelTest.CLOCK);
        assertTrue(m.learn(f).learned());
        assertEquals(java.util.Set.of("5B"), m.setupNames());
        assertTrue(m.clusters().isEmpty());
        assertTrue(f.picture().noise() > 5, "random texture measures as noisy: " + f.picture().noise());
    }

    @Test
    void peopleAreMaskedOutOfTheBackgroundAndSeenWithoutAFaceStayUnknown() {
        int w = 60, h = 60;
        // grey background, a saturated red "person" in the right third
        List<Frame> frames = frames(3, w, h, p -> {
            int x = (p / 3) % w, c = p % 3;
            return x >= 40 ? (c == 2 ? 250 : 10) : 128;
        });
        byte[] mask = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 40; x < w; x++) {
                mask[y * w + x] = 1;
            }
        }
        Detection person = new Detection(new Box(40, 0, 59, 59, 0.9f), 0, "person");
        List<FramePerception> seen = frames.stream().map(f -> new FramePerception(f.ptsMicros(), List.of(),
                List.of(person), new PersonMask(w, h, mask))).toList();
        ClipFeatures f = FeatureExtractor.extract("x.mov", "5", "5B", frames, seen);
        assertEquals(0, f.look().mean()[1], 1.0, "no red in the background colour: a* " + f.look().mean()[1]);
        for (int c = 0; c < 9; c++) {
            assertEquals(0, f.background()[c * 4 + 1], 1.0, "cell " + c + " a* is grey");
        }
        assertEquals(1, f.people().size());
        assertFalse(f.people().getFirst().hasFace());
        assertEquals(0.83, f.people().getFirst().centerX(), 0.02);
    }
}
