package io.setkeeper.appliance.analysis.qc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time QC kernels ({@link Swar}, packed {@link PixelWatch}) against the plain per-pixel reference
 * ({@link QcReference}) on generated planes: odd sizes, every level near a threshold, saturated and noisy content.
 * Equality is exact (the same integers, the same doubles). Real frames: {@code QcFastPathDataTest}.
 */
class QcFastPathTest {
    static final int[][] SIZES = {{3, 3}, {8, 3}, {9, 4}, {16, 16}, {17, 9}, {23, 11}, {64, 36}, {97, 55},
            {320, 180}, {480, 270}};

    /** A plane of one of several kinds: uniform noise, levels at the thresholds, extremes, smooth with noise. */
    static byte[] plane(Random rnd, int w, int h, int kind) {
        byte[] y = new byte[w * h];
        int[] edges = {0, 1, 3, 4, 5, 6, 39, 40, 41, 42, 127, 128, 129, 248, 249, 250, 251, 254, 255};
        for (int i = 0; i < y.length; i++) {
            int x = i % w;
            int v = switch (kind) {
                case 0 -> rnd.nextInt(256);
                case 1 -> edges[rnd.nextInt(edges.length)];
                case 2 -> rnd.nextBoolean() ? 0 : 255;
                case 3 -> 255;
                default -> Math.max(0, Math.min(255, 128 + (int) (100 * Math.sin(x * 0.05 + i / w * 0.03))
                        + rnd.nextInt(7) - 3));
            };
            y[i] = (byte) v;
        }
        return y;
    }

    @Test
    void levelsMatchTheHistogram() {
        Random rnd = new Random(11);
        long[] out = new long[4];
        for (int[] s : SIZES) {
            for (int kind = 0; kind < 5; kind++) {
                byte[] y = plane(rnd, s[0], s[1], kind);
                int[] hist = QcReference.histogram(y);
                Swar.levels(y, Thresholds.CLIP_LEVEL, Thresholds.CRUSH_LEVEL, Thresholds.BLACK_LIT_LEVEL, out);
                long sum = 0;
                for (int v = 0; v < 256; v++) {
                    sum += (long) v * hist[v];
                }
                assertEquals(sum, out[0]);
                assertEquals(QcReference.percent(hist, Thresholds.CLIP_LEVEL, 255), 100.0 * out[1] / y.length);
                assertEquals(QcReference.percent(hist, 0, Thresholds.CRUSH_LEVEL), 100.0 * out[2] / y.length);
                assertEquals(QcReference.percent(hist, Thresholds.BLACK_LIT_LEVEL + 1, 255), 100.0 * out[3] / y.length);
                for (int high : new int[] {128, 200, 255}) {
                    for (int low : new int[] {0, 4, 127}) {
                        Swar.levels(y, high, low, low, out);
                        assertEquals(QcReference.percent(hist, high, 255), 100.0 * out[1] / y.length, "high " + high);
                        assertEquals(QcReference.percent(hist, 0, low), 100.0 * out[2] / y.length, "low " + low);
                        assertEquals(QcReference.percent(hist, low + 1, 255), 100.0 * out[3] / y.length);
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Swar.levels(new byte[8], 100, 4, 40, new long[4]));
    }

    @Test
    void laplacianDifferenceAndHalvingMatchThePlainLoops() {
        Random rnd = new Random(12);
        for (int[] s : SIZES) {
            int w = s[0];
            int h = s[1];
            for (int kind = 0; kind < 5; kind++) {
                byte[] a = plane(rnd, w, h, kind);
                byte[] b = plane(rnd, w, h, (kind + 2) % 5);
                assertEquals(QcReference.laplacianVariance(a, w, h), Luma.laplacianVariance(a, w, h), w + "x" + h);
                assertEquals(QcReference.meanAbsDiff(a, b), Luma.meanAbsDiff(a, b));
                assertEquals(QcReference.meanAbsDiff(b, a), Luma.meanAbsDiff(b, a));
                assertArrayEquals(QcReference.half(a, w, h), Luma.half(a, w, h), w + "x" + h);
                for (int len = 0; len <= Math.min(40, a.length - 3); len++) { // offsets and tails of every length
                    long plain = 0;
                    for (int k = 0; k < len; k++) {
                        plain += Math.abs((a[3 + k] & 0xff) - (b[1 + k] & 0xff));
                    }
                    assertEquals(plain, Swar.absDiffSum(a, 3, b, 1, len));
                }
            }
        }
        byte[] flat = new byte[64 * 64];
        java.util.Arrays.fill(flat, (byte) 255);
        assertEquals(0.0, Luma.laplacianVariance(flat, 64, 64));
        assertEquals(0.0, Luma.laplacianVariance(new byte[4], 2, 2));
    }

    @Test
    void motionCostMatchesThePlainLoopAtEveryShift() {
        Random rnd = new Random(13);
        int w = 97;
        int h = 55;
        byte[] a = plane(rnd, w, h, 4);
        byte[] b = plane(rnd, w, h, 0);
        int m = 5;
        for (int dy = -m; dy <= m; dy++) {
            for (int dx = -m; dx <= m; dx++) {
                assertEquals(QcReference.cost(a, b, w, h, dx, dy, m), Motion.cost(a, b, w, h, dx, dy, m));
            }
        }
        assertEquals(QcReference.cost(a, b, 4, 4, 0, 0, 2), Motion.cost(a, b, 4, 4, 0, 0, 2)); // nothing inside
        int wide = 1100; // rows longer than one fold of 16-bit lanes take the row-by-row path
        byte[] c = plane(rnd, wide, 12, 0);
        byte[] d = plane(rnd, wide, 12, 2);
        double plain = QcReference.cost(c, d, wide, 12, 3, 1, 4);
        assertTrue(plain > 0 && plain < 255, "a real cost: " + plain);
        assertEquals(plain, Motion.cost(c, d, wide, 12, 3, 1, 4));
    }

    /** A moving, noisy scene with a camera shake, a hot and a dead pixel: exercises every measure. */
    static List<byte[]> scene(int w, int h, int n, long seed) {
        Random rnd = new Random(seed);
        byte[] bg = new byte[(w + 64) * (h + 64)];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = (byte) (30 + rnd.nextInt(180));
        }
        List<byte[]> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            int sx = 32 + (f % 9 == 4 ? 12 : 0) + (f / 20) % 3;
            int sy = 32 + (f % 13 == 6 ? -9 : 0);
            byte[] y = new byte[w * h];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int v = (bg[(r + sy) * (w + 64) + c + sx] & 0xff) + rnd.nextInt(5) - 2;
                    if (f > n / 2 && c > w / 3 && c < w / 2) {
                        v = 252; // a clipped stripe in the second half
                    }
                    y[r * w + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            y[(h / 2) * w + w / 4] = (byte) 255;
            y[(h / 3) * w + 2 * w / 3] = 0;
            out.add(y);
        }
        return out;
    }

    @Test
    void analyzerOnLumaPlanesMatchesTheReference() {
        for (int[] s : new int[][] {{97, 55}, {160, 90}, {480, 270}}) {
            int w = s[0];
            int h = s[1];
            List<byte[]> frames = scene(w, h, 40, w);
            QcAnalyzer fast = new QcAnalyzer(24);
            QcReference.Analyzer ref = new QcReference.Analyzer(w, h);
            for (int i = 0; i < frames.size(); i++) {
                byte[] y = frames.get(i);
                assertEquals(ref.accept(y, i * 41_667L, i), fast.accept(y, w, h, i * 41_667L, null, i), "frame " + i);
            }
            List<PixelWatch.Suspect> suspects = ref.pixels.suspects();
            assertFalse(suspects.isEmpty(), "the scene has a hot and a dead pixel");
            assertEquals(suspects, suspectsOf(frames, w, h));
            assertEquals(suspects.size() <= Thresholds.STUCK_MAX_PIXELS, fast.finish().has(Finding.Type.STUCK_PIXEL));
            assertFalse(fast.metrics().stream().allMatch(m -> m.shift() == 0), "the scene shakes");
        }
    }

    static List<PixelWatch.Suspect> suspectsOf(List<byte[]> frames, int w, int h) {
        PixelWatch p = new PixelWatch(w, h);
        for (int i = 0; i < frames.size(); i += PixelWatch.EVERY) {
            p.add(frames.get(i));
        }
        return p.suspects();
    }

    @Test
    void pixelWatchSumsMatchTheReferenceAcrossAFold() {
        Random rnd = new Random(14);
        int w = 19;
        int h = 7;
        PixelWatch fast = new PixelWatch(w, h);
        QcReference.Watch ref = new QcReference.Watch(w, h);
        byte[][] planes = new byte[8][];
        for (int k = 0; k < planes.length; k++) {
            planes[k] = plane(rnd, w, h, k % 5);
        }
        int n = PixelWatch.FOLD_FRAMES + 37;
        for (int f = 0; f < n; f++) {
            byte[] y = planes[f % planes.length];
            fast.add(y);
            ref.add(y);
        }
        for (int i = 0; i < w * h; i++) {
            assertEquals(ref.levelSum(i), fast.levelSum(i), "pixel " + i);
            assertEquals(ref.squareSum(i), fast.squareSum(i), "pixel " + i);
            assertEquals(ref.offsetSum(i), fast.offsetSum(i), "pixel " + i);
        }
        assertEquals(ref.suspects(), fast.suspects());
    }

    @Test
    void bgrAcceptEqualsLumaAcceptWithTheSameColourFrames() {
        List<Frame> frames = QcDetectorsTest.scene(60);
        QcAnalyzer bgr = new QcAnalyzer(30);
        QcAnalyzer luma = new QcAnalyzer(30);
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            FrameMetrics a = bgr.accept(f, i);
            FrameMetrics b = luma.accept(Luma.of(f), f.width(), f.height(), f.ptsMicros(),
                    i % QcAnalyzer.COLOUR_EVERY == 0 ? f : null, i);
            assertEquals(a, b);
        }
        assertEquals(bgr.finish(), luma.finish());
        QcAnalyzer a = new QcAnalyzer(30);
        a.accept(new byte[16 * 9], 16, 9, 0, null, 0);
        assertThrows(IllegalArgumentException.class, () -> a.accept(new byte[16 * 8], 16, 8, 1, null, 1));
        assertThrows(IllegalArgumentException.class, () -> a.accept(new byte[10], 16, 9, 1, null, 1));
    }
}
