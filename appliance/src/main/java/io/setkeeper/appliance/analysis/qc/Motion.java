package io.setkeeper.appliance.analysis.qc;

/**
 * Global motion between two consecutive luma planes by block matching the whole picture: an exhaustive search at
 * quarter resolution, refined at half resolution. Pure; the shift is in pixels of the plane given.
 */
public final class Motion {
    /** Largest shift searched at quarter resolution (so 4x this in plane pixels). */
    public static final int COARSE_RANGE = 6;

    /**
     * A global shift of {@code cur} relative to {@code prev}.
     *
     * @param dx         horizontal shift in plane pixels (resolution 2)
     * @param dy         vertical shift in plane pixels
     * @param gain       how much better the best match is than no shift: 1 - bestCost/zeroCost (0 = no evidence)
     */
    public record Shift(double dx, double dy, double gain) {
        public double magnitude() {
            return Math.hypot(dx, dy);
        }
    }

    private Motion() {
    }

    /** Estimates the shift; planes are {@code w x h}. */
    public static Shift estimate(byte[] prev, byte[] cur, int w, int h) {
        byte[] p2 = Luma.half(prev, w, h);
        byte[] c2 = Luma.half(cur, w, h);
        int w2 = w / 2;
        int h2 = h / 2;
        byte[] p4 = Luma.half(p2, w2, h2);
        byte[] c4 = Luma.half(c2, w2, h2);
        return estimateFromPyramid(p2, c2, w2, h2, p4, c4);
    }

    /** The same from precomputed half and quarter planes (the analyzer keeps them for the next frame). */
    public static Shift estimateFromPyramid(byte[] p2, byte[] c2, int w2, int h2, byte[] p4, byte[] c4) {
        int w4 = w2 / 2;
        int h4 = h2 / 2;
        int range = Math.min(COARSE_RANGE, Math.min(w4, h4) / 4);
        int bx = 0;
        int by = 0;
        double best = Double.MAX_VALUE;
        for (int dy = -range; dy <= range; dy++) {
            for (int dx = -range; dx <= range; dx++) {
                double cost = cost(p4, c4, w4, h4, dx, dy, range);
                if (cost < best - 1e-9 || (Math.abs(cost - best) <= 1e-9 && Math.abs(dx) + Math.abs(dy) < Math.abs(bx) + Math.abs(by))) {
                    best = cost;
                    bx = dx;
                    by = dy;
                }
            }
        }
        int margin = 2 * range + 2;
        double zero = cost(p2, c2, w2, h2, 0, 0, margin);
        double fine = Double.MAX_VALUE;
        int fx = 0;
        int fy = 0;
        for (int dy = 2 * by - 2; dy <= 2 * by + 2; dy++) {
            for (int dx = 2 * bx - 2; dx <= 2 * bx + 2; dx++) {
                double cost = cost(p2, c2, w2, h2, dx, dy, margin);
                if (cost < fine) {
                    fine = cost;
                    fx = dx;
                    fy = dy;
                }
            }
        }
        if (zero <= fine) {
            return new Shift(0, 0, 0);
        }
        return new Shift(2.0 * fx, 2.0 * fy, zero <= 0 ? 0 : 1 - fine / zero);
    }

    /** Mean absolute difference between prev(x, y) and cur(x + dx, y + dy) over the interior (margin m). */
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
