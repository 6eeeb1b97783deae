package io.setkeeper.appliance.analysis.qc;

/**
 * Global motion between two consecutive luma planes by block matching the whole picture, coarse to fine: an
 * exhaustive search at eighth resolution, refined by ±1 pixel at quarter and then at half resolution. Pure; the
 * shift is in pixels of the full plane.
 *
 * <p>Cost: the exhaustive search runs on 1/64 of the pixels and each refinement tries 9 positions, about a fifth of
 * the earlier quarter-resolution ±6 search with a ±2 half-resolution refinement, over the same ±24 px reach.
 */
public final class Motion {
    /** Largest shift searched at eighth resolution (so 8x this, ±24, in full-plane pixels). */
    public static final int COARSE_RANGE = 3;

    /**
     * A global shift of {@code cur} relative to {@code prev}.
     *
     * @param dx         horizontal shift in full-plane pixels (resolution 2)
     * @param dy         vertical shift in full-plane pixels
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
        Luma.Planes p = new Luma.Planes(w, h);
        Luma.Planes c = new Luma.Planes(w, h);
        System.arraycopy(prev, 0, p.full(), 0, prev.length);
        System.arraycopy(cur, 0, c.full(), 0, cur.length);
        p.reduce();
        c.reduce();
        return estimate(p, c);
    }

    /** The shift between two frames' shared planes (their reductions must be current). */
    public static Shift estimate(Luma.Planes prev, Luma.Planes cur) {
        int w2 = cur.width() / 2;
        int h2 = cur.height() / 2;
        int w4 = w2 / 2;
        int h4 = h2 / 2;
        int w8 = w4 / 2;
        int h8 = h4 / 2;
        int range = Math.max(1, Math.min(COARSE_RANGE, Math.min(w8, h8) / 4));
        int m8 = range;
        int m4 = 2 * range + 1;
        int m2 = 2 * m4 + 1;
        int[] best = {0, 0};
        double[] zero = {Double.NaN}; // the half-resolution cost of no shift, when the search tried it
        search(prev.eighth(), cur.eighth(), w8, h8, 0, 0, range, m8, best, null);
        search(prev.quarter(), cur.quarter(), w4, h4, 2 * best[0], 2 * best[1], 1, m4, best, null);
        double fine = search(prev.half(), cur.half(), w2, h2, 2 * best[0], 2 * best[1], 1, m2, best, zero);
        double still = Double.isNaN(zero[0]) ? cost(prev.half(), cur.half(), w2, h2, 0, 0, m2) : zero[0];
        if (still <= fine) {
            return new Shift(0, 0, 0);
        }
        return new Shift(2.0 * best[0], 2.0 * best[1], still <= 0 ? 0 : 1 - fine / still);
    }

    /**
     * Tries every shift within {@code r} of (cx, cy), writes the best into {@code best} (ties go to the smaller
     * shift) and returns its cost; the cost of no shift goes to {@code zero[0]} when it was tried.
     */
    private static double search(byte[] p, byte[] c, int w, int h, int cx, int cy, int r, int m, int[] best,
                                 double[] zero) {
        double min = Double.MAX_VALUE;
        int bx = cx;
        int by = cy;
        for (int dy = cy - r; dy <= cy + r; dy++) {
            for (int dx = cx - r; dx <= cx + r; dx++) {
                // a shift whose partial cost already exceeds min + 1e-9 cannot be chosen: its sum is abandoned
                double cost = cost(p, c, w, h, dx, dy, m, min + 1e-9);
                if (dx == 0 && dy == 0 && zero != null && cost != Double.POSITIVE_INFINITY) {
                    zero[0] = cost;
                }
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

    /** Mean absolute difference between prev(x, y) and cur(x + dx, y + dy) over the interior (margin m). */
    static double cost(byte[] prev, byte[] cur, int w, int h, int dx, int dy, int m) {
        return cost(prev, cur, w, h, dx, dy, m, Double.MAX_VALUE);
    }

    /** Rows summed between two looks at the running cost. */
    private static final int ROW_CHUNK = 16;

    /**
     * {@link #cost(byte[], byte[], int, int, int, int, int)}, or {@link Double#POSITIVE_INFINITY} as soon as the sum so
     * far, divided by the full count, exceeds {@code limit} (the full cost could only be higher).
     */
    static double cost(byte[] prev, byte[] cur, int w, int h, int dx, int dy, int m, double limit) {
        int rows = Math.max(0, h - 2 * m);
        long n = rows * (w - 2L * m);
        if (n <= 0) {
            return Double.MAX_VALUE;
        }
        long sum = 0;
        for (int r = 0; r < rows; r += ROW_CHUNK) {
            sum += Swar.absDiffRows(prev, (m + r) * w + m, cur, (m + r + dy) * w + dx + m, w,
                    Math.min(ROW_CHUNK, rows - r), w - 2 * m);
            if ((double) sum / n > limit) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return (double) sum / n;
    }
}
