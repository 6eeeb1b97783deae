package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlateThumbTest {
    /** A 960x544 frame: a grey gradient, noise of +-amplitude, and a white square of side {@code box} at (bx, by). */
    private static Frame frame(long seed, int amplitude, int box, int bx, int by) {
        int w = 960, h = 544;
        byte[] bgr = new byte[w * h * 3];
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inBox = x >= bx && x < bx + box && y >= by && y < by + box;
                int v = inBox ? 230 : 40 + x * 120 / w + (amplitude == 0 ? 0 : r.nextInt(2 * amplitude + 1) - amplitude);
                int p = (y * w + x) * 3;
                bgr[p] = bgr[p + 1] = bgr[p + 2] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new Frame(w, h, bgr, 0);
    }

    @Test
    void gridKeepsBlocksAboutSquareAndMeansAreLuma() {
        SlateThumb t = SlateThumb.of(frame(1, 0, 0, 0, 0), SlateThumb.GRID);
        assertEquals(32, t.cols());
        assertEquals(18, t.rows());
        assertEquals(40 + 120 / 64.0, t.means()[0], 1.0);
        byte[] bgr = new byte[4 * 2 * 3];
        for (int i = 0; i < 8; i++) {
            bgr[i * 3] = (byte) 100; // blue only
        }
        assertEquals(0.114 * 100, SlateThumb.of(new Frame(4, 2, bgr, 0), 2).means()[0], 1e-3);
    }

    @Test
    void sensorNoiseIsTheSamePicture() {
        SlateThumb a = SlateThumb.of(frame(1, 12, 0, 0, 0), SlateThumb.GRID);
        SlateThumb b = SlateThumb.of(frame(2, 12, 0, 0, 0), SlateThumb.GRID);
        assertTrue(a.maxDiff(b) < 2, "noise of +-12 levels averages out over a 30 px block (0.33 levels rms): " + a.maxDiff(b));
        assertTrue(b.sameAsAny(List.of(a)));
    }

    @Test
    void aSmallBoardMovedALittleIsNotTheSamePicture() {
        // a 40 px board (7 % of the frame height) moved by 10 px: a tiny part of the frame, one whole block changes
        SlateThumb before = SlateThumb.of(frame(1, 4, 40, 400, 250), SlateThumb.GRID);
        SlateThumb after = SlateThumb.of(frame(2, 4, 40, 410, 250), SlateThumb.GRID);
        assertTrue(before.meanDiff(after) < 1, "the frame on the whole hardly changed: " + before.meanDiff(after));
        assertTrue(after.maxDiff(before) >= SlateThumb.SAME, "but the board's blocks did: " + after.maxDiff(before));
        assertFalse(after.sameAsAny(List.of(before)));
        // a board appearing in a static shot
        SlateThumb empty = SlateThumb.of(frame(1, 4, 0, 0, 0), SlateThumb.GRID);
        assertFalse(before.sameAsAny(List.of(empty)));
    }

    @Test
    void anyOfSeveralBlanksMatchesAndOtherSizesNever() {
        SlateThumb empty = SlateThumb.of(frame(1, 4, 0, 0, 0), SlateThumb.GRID);
        SlateThumb board = SlateThumb.of(frame(1, 4, 40, 400, 250), SlateThumb.GRID);
        assertFalse(empty.sameAsAny(List.of()));
        assertTrue(empty.sameAsAny(List.of(board, SlateThumb.of(frame(3, 4, 0, 0, 0), SlateThumb.GRID))));
        SlateThumb other = SlateThumb.of(new Frame(640, 480, new byte[640 * 480 * 3], 0), SlateThumb.GRID);
        assertEquals(Double.POSITIVE_INFINITY, other.maxDiff(empty));
        assertFalse(other.sameAsAny(List.of(empty)));
    }
}
