package io.setkeeper.appliance.analysis;

/**
 * A slate candidate's picture seen coarsely: the mean luma (BT.601, 0..255) of each block of a {@code cols} x
 * {@code rows} grid over the frame. Two candidates are compared block by block ({@link #maxDiff}): a board moved, a
 * hand taken away or a clapper's sticks closed change the blocks they cover however small the rest of the change
 * is, while sensor noise and compression flicker average out within a block. Pure.
 */
public record SlateThumb(int cols, int rows, float[] means) {
    /** Blocks across the frame for the slate search's comparison (30 px blocks on a 960 px detail frame). */
    public static final int GRID = 32;
    /**
     * Largest block difference (luma levels) at which two candidates are the same picture. Measured
     * (docs/analysis.md, "Slate search"): static footage candidates differ by 0.8-2.0, the slightly moved boards of
     * SlateDetailDataTest by 9.3 and more (median 60), everything else on the footage by 7 and more.
     */
    public static final double SAME = 6;

    public SlateThumb {
        if (cols <= 0 || rows <= 0 || means.length != cols * rows) {
            throw new IllegalArgumentException("a " + cols + "x" + rows + " grid needs " + cols * rows + " means");
        }
    }

    /** The grid over a frame: {@code cols} blocks across, as many rows as keep the blocks about square (>= 1). */
    public static SlateThumb of(Frame frame, int cols) {
        int w = frame.width(), h = frame.height();
        int c = Math.max(1, Math.min(cols, w));
        int r = Math.max(1, Math.min(h, (int) Math.round((double) c * h / w)));
        double[] sum = new double[c * r];
        int[] n = new int[c * r];
        byte[] bgr = frame.bgr();
        for (int y = 0; y < h; y++) {
            int by = (int) ((long) y * r / h) * c;
            int p = y * w * 3;
            for (int x = 0; x < w; x++, p += 3) {
                int b = by + (int) ((long) x * c / w);
                sum[b] += 0.114 * (bgr[p] & 0xff) + 0.587 * (bgr[p + 1] & 0xff) + 0.299 * (bgr[p + 2] & 0xff);
                n[b]++;
            }
        }
        float[] means = new float[c * r];
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) (sum[i] / Math.max(1, n[i]));
        }
        return new SlateThumb(c, r, means);
    }

    /** The largest block difference (luma levels); infinite when the grids differ (another frame size). */
    public double maxDiff(SlateThumb other) {
        if (other.cols != cols || other.rows != rows) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < means.length; i++) {
            max = Math.max(max, Math.abs(means[i] - other.means[i]));
        }
        return max;
    }

    /**
     * Whether this candidate is the same picture as one of {@code blanks} (candidates already read that gave
     * nothing): no block differs by {@link #SAME} levels or more, so reading it again would find nothing either.
     */
    public boolean sameAsAny(java.util.List<SlateThumb> blanks) {
        for (SlateThumb b : blanks) {
            if (maxDiff(b) < SAME) {
                return true;
            }
        }
        return false;
    }

    /** The mean block difference (luma levels); infinite when the grids differ. */
    public double meanDiff(SlateThumb other) {
        if (other.cols != cols || other.rows != rows) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < means.length; i++) {
            sum += Math.abs(means[i] - other.means[i]);
        }
        return sum / means.length;
    }
}
