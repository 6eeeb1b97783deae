package io.setkeeper.appliance.analysis.qc;

import java.util.ArrayList;
import java.util.List;

/**
 * The straightforward per-pixel QC measures as they were before the word-at-a-time kernels ({@link Swar}): one
 * plain loop per measure, a 256-bin histogram for the levels. Test code only: the reference the fast path must
 * match exactly ({@code QcFastPathTest}) and the "before" column of {@link QcProfile}.
 */
final class QcReference {
    private QcReference() {
    }

    /** Per-frame measures of a sequence of luma planes, as the pre-change {@code QcAnalyzer.accept} computed them. */
    static final class Analyzer {
        private final int w;
        private final int h;
        private byte[][] full = new byte[3][];
        private byte[][] half = new byte[3][];
        private byte[][] quarter = new byte[3][];
        private byte[][] eighth = new byte[3][];
        final Watch pixels;
        final List<FrameMetrics> metrics = new ArrayList<>();
        private long seen;

        Analyzer(int w, int h) {
            this.w = w;
            this.h = h;
            this.pixels = new Watch(w, h);
        }

        FrameMetrics accept(byte[] luma, long ptsMicros, long index) {
            byte[] y = luma.clone();
            byte[] y2 = half(y, w, h);
            byte[] y4 = half(y2, w / 2, h / 2);
            byte[] y8 = half(y4, w / 4, h / 4);
            int[] hist = histogram(y);
            double diff = Double.NaN;
            double[] shift = {0, 0, 0};
            double step1 = Double.NaN;
            double step2 = Double.NaN;
            if (seen >= 1) {
                diff = meanAbsDiff(full[0], y);
                shift = motion(w, h, half[0], quarter[0], eighth[0], y2, y4, y8);
                step1 = meanAbsDiff(half[0], y2);
            }
            if (seen >= 2) {
                step2 = meanAbsDiff(half[1], y2);
            }
            FrameMetrics m = new FrameMetrics(index, ptsMicros, mean(hist), percent(hist, Thresholds.CLIP_LEVEL, 255),
                    percent(hist, 0, Thresholds.CRUSH_LEVEL), percent(hist, Thresholds.BLACK_LIT_LEVEL + 1, 255),
                    laplacianVariance(y, w, h), diff, shift[0], shift[1], shift[2], step1, step2);
            metrics.add(m);
            if (index % PixelWatch.EVERY == 0) {
                pixels.add(y);
            }
            full = new byte[][] {y, full[0], full[1]};
            half = new byte[][] {y2, half[0], half[1]};
            quarter = new byte[][] {y4, quarter[0], quarter[1]};
            eighth = new byte[][] {y8, eighth[0], eighth[1]};
            seen++;
            return m;
        }
    }

    /** Global shift {dx, dy, gain} between two frames' half, quarter and eighth planes ({@code w x h} full size). */
    static double[] motion(int w, int h, byte[] p2, byte[] p4, byte[] p8, byte[] c2, byte[] c4, byte[] c8) {
        int w2 = w / 2;
        int h2 = h / 2;
        int w4 = w2 / 2;
        int h4 = h2 / 2;
        int w8 = w4 / 2;
        int h8 = h4 / 2;
        int range = Math.max(1, Math.min(Motion.COARSE_RANGE, Math.min(w8, h8) / 4));
        int m8 = range;
        int m4 = 2 * range + 1;
        int m2 = 2 * m4 + 1;
        int[] best = {0, 0};
        search(p8, c8, w8, h8, 0, 0, range, m8, best);
        search(p4, c4, w4, h4, 2 * best[0], 2 * best[1], 1, m4, best);
        double fine = search(p2, c2, w2, h2, 2 * best[0], 2 * best[1], 1, m2, best);
        double zero = cost(p2, c2, w2, h2, 0, 0, m2);
        if (zero <= fine) {
            return new double[] {0, 0, 0};
        }
        return new double[] {2.0 * best[0], 2.0 * best[1], zero <= 0 ? 0 : 1 - fine / zero};
    }

    /** The pre-change {@code PixelWatch}: int sum, long sum of squares, int offset per pixel, one plain loop. */
    static final class Watch {
        private final int w;
        private final int h;
        private final int[] sum;
        private final long[] sumSq;
        private final int[] offset;
        private int frames;

        Watch(int w, int h) {
            this.w = w;
            this.h = h;
            this.sum = new int[w * h];
            this.sumSq = new long[w * h];
            this.offset = new int[w * h];
        }

        void add(byte[] y) {
            for (int r = 1; r < h - 1; r++) {
                for (int c = 1; c < w - 1; c++) {
                    int i = r * w + c;
                    int v = y[i] & 0xff;
                    int nb = (y[i - w - 1] & 0xff) + (y[i - w] & 0xff) + (y[i - w + 1] & 0xff) + (y[i - 1] & 0xff)
                            + (y[i + 1] & 0xff) + (y[i + w - 1] & 0xff) + (y[i + w] & 0xff) + (y[i + w + 1] & 0xff);
                    sum[i] += v;
                    sumSq[i] += v * v;
                    offset[i] += Math.abs(8 * v - nb);
                }
            }
            frames++;
        }

        List<PixelWatch.Suspect> suspects() {
            List<PixelWatch.Suspect> out = new ArrayList<>();
            if (frames * PixelWatch.EVERY < Thresholds.STUCK_MIN_FRAMES) {
                return out;
            }
            for (int r = 2; r < h - 2; r++) {
                for (int c = 2; c < w - 2; c++) {
                    int i = r * w + c;
                    double mean = (double) sum[i] / frames;
                    double off = offset[i] / 8.0 / frames;
                    if (off < Thresholds.STUCK_MIN_OFFSET) {
                        continue;
                    }
                    if (mean > Thresholds.STUCK_DARK_LEVEL && mean < Thresholds.STUCK_BRIGHT_LEVEL) {
                        continue;
                    }
                    double own = std(i);
                    if (own > Thresholds.STUCK_MAX_OWN_STD) {
                        continue;
                    }
                    double nb = (std(i - w - 1) + std(i - w) + std(i - w + 1) + std(i - 1) + std(i + 1)
                            + std(i + w - 1) + std(i + w) + std(i + w + 1)) / 8;
                    boolean unlikeEveryNeighbour = true;
                    for (int n : new int[] {i - w - 1, i - w, i - w + 1, i - 1, i + 1, i + w - 1, i + w, i + w + 1}) {
                        unlikeEveryNeighbour &= Math.abs((double) sum[n] / frames - mean) >= Thresholds.STUCK_MIN_NEIGHBOUR_GAP;
                    }
                    if (nb >= Thresholds.STUCK_MIN_NEIGHBOUR_STD && unlikeEveryNeighbour) {
                        out.add(new PixelWatch.Suspect(c, r, mean, own, nb, off));
                    }
                }
            }
            return PixelWatch.isolated(out);
        }

        /** Per-pixel sums, for comparing with the packed accumulators. */
        long levelSum(int i) {
            return sum[i];
        }

        long squareSum(int i) {
            return sumSq[i];
        }

        long offsetSum(int i) {
            return offset[i];
        }

        private double std(int i) {
            double m = (double) sum[i] / frames;
            return Math.sqrt(Math.max(0, (double) sumSq[i] / frames - m * m));
        }
    }

    static int[] histogram(byte[] y) {
        int[] h = new int[256];
        for (byte b : y) {
            h[b & 0xff]++;
        }
        return h;
    }

    static double mean(int[] hist) {
        long sum = 0;
        long n = 0;
        for (int v = 0; v < 256; v++) {
            sum += (long) v * hist[v];
            n += hist[v];
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    static double percent(int[] hist, int lo, int hi) {
        long in = 0;
        long n = 0;
        for (int v = 0; v < 256; v++) {
            n += hist[v];
            if (v >= lo && v <= hi) {
                in += hist[v];
            }
        }
        return n == 0 ? 0 : 100.0 * in / n;
    }

    static double laplacianVariance(byte[] y, int w, int h) {
        long sum = 0;
        long sq = 0;
        long n = 0;
        for (int r = 1; r < h - 1; r++) {
            int o = r * w;
            for (int c = 1; c < w - 1; c++) {
                int i = o + c;
                int lap = (y[i - 1] & 0xff) + (y[i + 1] & 0xff) + (y[i - w] & 0xff) + (y[i + w] & 0xff)
                        - 4 * (y[i] & 0xff);
                sum += lap;
                sq += (long) lap * lap;
            }
            n += Math.max(0, w - 2);
        }
        if (n == 0) {
            return 0;
        }
        double m = (double) sum / n;
        return (double) sq / n - m * m;
    }

    static double meanAbsDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return a.length == 0 ? 0 : (double) sum / a.length;
    }

    static byte[] half(byte[] y, int w, int h) {
        int hw = w / 2;
        int hh = h / 2;
        byte[] out = new byte[hw * hh];
        for (int r = 0; r < hh; r++) {
            int a = 2 * r * w;
            int b = a + w;
            for (int c = 0; c < hw; c++) {
                int s = (y[a + 2 * c] & 0xff) + (y[a + 2 * c + 1] & 0xff) + (y[b + 2 * c] & 0xff)
                        + (y[b + 2 * c + 1] & 0xff);
                out[r * hw + c] = (byte) ((s + 2) >> 2);
            }
        }
        return out;
    }

    private static double search(byte[] p, byte[] c, int w, int h, int cx, int cy, int r, int m, int[] best) {
        double min = Double.MAX_VALUE;
        int bx = cx;
        int by = cy;
        for (int dy = cy - r; dy <= cy + r; dy++) {
            for (int dx = cx - r; dx <= cx + r; dx++) {
                double cost = cost(p, c, w, h, dx, dy, m);
                if (cost < min - 1e-9 || (Math.abs(cost - min) <= 1e-9
                        && Math.abs(dx) + Math.abs(dy) < Math.abs(bx) + Math.abs(by))) {
                    min = cost;
                    bx = dx;
                    by = dy;
                }
            }
        }
        best[0] = bx;
        best[1] = by;
        return min;
    }

    static double cost(byte[] prev, byte[] cur, int w, int h, int dx, int dy, int m) {
        long sum = 0;
        long n = 0;
        for (int y = m; y < h - m; y++) {
            int po = y * w;
            int co = (y + dy) * w + dx;
            for (int x = m; x < w - m; x++) {
                sum += Math.abs((prev[po + x] & 0xff) - (cur[co + x] & 0xff));
            }
            n += w - 2L * m;
        }
        return n <= 0 ? Double.MAX_VALUE : (double) sum / n;
    }
}
