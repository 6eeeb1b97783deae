package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.colour.DeltaE;
import java.util.Arrays;

/**
 * The static background of a clip as a coarse picture: {@link #W} x {@link #H} cells over the frame (normalised
 * coordinates, whatever the resolution), each the mean CIELAB of the pixels no person covered in any sampled frame;
 * NaN where people always covered the cell. The comparisons are pure functions.
 *
 * @param lab 3 x W x H values, cell (x, y) at {@code 3 * (y * W + x)}
 */
public record Background(float[] lab) {
    public static final int W = 64;
    public static final int H = 48;
    /** Largest camera move searched, in cells (each cell is 1/64 of the frame width). */
    public static final int MAX_SHIFT = 5;

    public Background {
        if (lab.length != 3 * W * H) {
            throw new IllegalArgumentException("background needs " + 3 * W * H + " values, got " + lab.length);
        }
    }

    boolean valid(int x, int y) {
        return x >= 0 && y >= 0 && x < W && y < H && !Float.isNaN(lab[3 * (y * W + x)]);
    }

    float l(int x, int y) {
        return lab[3 * (y * W + x)];
    }

    float[] cell(int x, int y) {
        int i = 3 * (y * W + x);
        return new float[] {lab[i], lab[i + 1], lab[i + 2]};
    }

    /** Mean CIELAB over the cells valid in both pictures (this one's), or null when none is. */
    public float[] meanLab(Background other) {
        double[] s = new double[3];
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (valid(x, y) && other.valid(x, y)) {
                    float[] c = cell(x, y);
                    s[0] += c[0];
                    s[1] += c[1];
                    s[2] += c[2];
                    n++;
                }
            }
        }
        return n == 0 ? null : new float[] {(float) (s[0] / n), (float) (s[1] / n), (float) (s[2] / n)};
    }

    /** Median over common cells of the per-cell CIEDE2000 from this picture to {@code other}; NaN if none. */
    public double medianDeltaE(Background other) {
        double[] d = new double[W * H];
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (valid(x, y) && other.valid(x, y)) {
                    d[n++] = DeltaE.ciede2000(cell(x, y), other.cell(x, y));
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(d, 0, n);
        return d[n / 2];
    }

    /** Pearson correlation of lightness over the cells valid in both: how much the two show the same place. */
    public double lightnessCorrelation(Background other) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (valid(x, y) && other.valid(x, y)) {
                    double a = l(x, y), b = other.l(x, y);
                    sa += a;
                    sb += b;
                    saa += a * a;
                    sbb += b * b;
                    sab += a * b;
                    n++;
                }
            }
        }
        if (n < 2) {
            return 0;
        }
        double cov = sab / n - sa / n * sb / n, va = saa / n - sa / n * sa / n, vb = sbb / n - sb / n * sb / n;
        return va <= 0 || vb <= 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    /**
     * The camera move that best explains {@code other}: the cell offset (dx, dy) within {@link #MAX_SHIFT} that
     * minimises the mean absolute lightness difference (the median lightness offset removed, so an exposure change
     * is not a move), and that error against the error at no offset.
     */
    public Shift bestShift(Background other) {
        double offset = medianLightnessOffset(other);
        double err0 = shiftError(other, 0, 0, offset);
        Shift best = new Shift(0, 0, err0, err0);
        for (int dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
            for (int dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx++) {
                double e = shiftError(other, dx, dy, offset);
                if (e < best.error()) {
                    best = new Shift(dx, dy, e, err0);
                }
            }
        }
        return best;
    }

    /** A camera move estimate: other(x + dx, y + dy) matches this(x, y); errors in L* units. */
    public record Shift(int dx, int dy, double error, double errorUnmoved) {
        /** How much of the unmoved error the move explains, 0..1. */
        public double gain() {
            return errorUnmoved <= 0 ? 0 : 1 - error / errorUnmoved;
        }

        public double cells() {
            return Math.hypot(dx, dy);
        }
    }

    private double medianLightnessOffset(Background other) {
        double[] d = new double[W * H];
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (valid(x, y) && other.valid(x, y)) {
                    d[n++] = other.l(x, y) - l(x, y);
                }
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(d, 0, n);
        return d[n / 2];
    }

    private double shiftError(Background other, int dx, int dy, double offset) {
        double sum = 0;
        int n = 0;
        // only the inner area, so every offset is judged on the same cells
        for (int y = MAX_SHIFT; y < H - MAX_SHIFT; y++) {
            for (int x = MAX_SHIFT; x < W - MAX_SHIFT; x++) {
                if (valid(x, y) && other.valid(x + dx, y + dy)) {
                    sum += Math.abs(other.l(x + dx, y + dy) - offset - l(x, y));
                    n++;
                }
            }
        }
        return n < (W - 2 * MAX_SHIFT) * (H - 2 * MAX_SHIFT) / 4 ? Double.POSITIVE_INFINITY : sum / n;
    }

    /**
     * Cells whose colour changed by more than {@code cellDeltaE} (CIEDE2000, after removing the median colour
     * offset so a global look change is not counted), kept only where at least two neighbours changed too; the
     * largest 8-connected group of them, as a region.
     */
    public Change largestChange(Background other, double cellDeltaE) {
        float[] off = medianOffset(other);
        boolean[] changed = new boolean[W * H];
        int common = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (valid(x, y) && other.valid(x, y)) {
                    common++;
                    float[] o = other.cell(x, y);
                    float[] a = cell(x, y);
                    double d = DeltaE.ciede2000(a[0], a[1], a[2], o[0] - off[0], o[1] - off[1], o[2] - off[2]);
                    changed[y * W + x] = d > cellDeltaE;
                }
            }
        }
        boolean[] kept = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (changed[y * W + x] && neighbours(changed, x, y) >= 2) {
                    kept[y * W + x] = true;
                }
            }
        }
        return largestGroup(kept, common);
    }

    /** A changed region in frame fractions (x1, y1, x2, y2), its size in cells and the cells both pictures show. */
    public record Change(int cells, int commonCells, double x1, double y1, double x2, double y2) {
        public double fraction() {
            return commonCells == 0 ? 0 : (double) cells / commonCells;
        }
    }

    private float[] medianOffset(Background other) {
        float[] out = new float[3];
        for (int c = 0; c < 3; c++) {
            double[] d = new double[W * H];
            int n = 0;
            for (int i = 0; i < W * H; i++) {
                if (!Float.isNaN(lab[3 * i]) && !Float.isNaN(other.lab[3 * i])) {
                    d[n++] = other.lab[3 * i + c] - lab[3 * i + c];
                }
            }
            if (n > 0) {
                Arrays.sort(d, 0, n);
                out[c] = (float) d[n / 2];
            }
        }
        return out;
    }

    private static int neighbours(boolean[] m, int x, int y) {
        int n = 0;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                int xx = x + i, yy = y + j;
                if ((i != 0 || j != 0) && xx >= 0 && yy >= 0 && xx < W && yy < H && m[yy * W + xx]) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Change largestGroup(boolean[] m, int common) {
        int[] label = new int[W * H];
        int[] stack = new int[W * H];
        Change best = new Change(0, common, 0, 0, 0, 0);
        int next = 0;
        for (int start = 0; start < W * H; start++) {
            if (!m[start] || label[start] != 0) {
                continue;
            }
            next++;
            int sp = 0, size = 0, minX = W, minY = H, maxX = -1, maxY = -1;
            stack[sp++] = start;
            label[start] = next;
            while (sp > 0) {
                int p = stack[--sp];
                int x = p % W, y = p / W;
                size++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int j = -1; j <= 1; j++) {
                    for (int i = -1; i <= 1; i++) {
                        int xx = x + i, yy = y + j;
                        if (xx >= 0 && yy >= 0 && xx < W && yy < H && m[yy * W + xx] && label[yy * W + xx] == 0) {
                            label[yy * W + xx] = next;
                            stack[sp++] = yy * W + xx;
                        }
                    }
                }
            }
            if (size > best.cells()) {
                best = new Change(size, common, (double) minX / W, (double) minY / H, (double) (maxX + 1) / W,
                        (double) (maxY + 1) / H);
            }
        }
        return best;
    }
}
