package io.setkeeper.appliance.analysis.qc;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds dead, stuck and hot pixels: a pixel that stays at an extreme level, far from its 3x3 neighbourhood, while
 * that neighbourhood changes over the clip. Accumulates per-pixel sums frame by frame (mutable, one per clip).
 *
 * <p>The analyzer adds every {@link #EVERY}-th frame only: a defective pixel is the same in every frame and the
 * neighbours' temporal spread is a property of the scene over seconds, so sampling estimates the same numbers at
 * half the cost (the per-pixel pass was a sixth of per-frame QC time). The minimum length
 * {@link Thresholds#STUCK_MIN_FRAMES} is still counted in clip frames.
 */
public final class PixelWatch {
    /** One suspicious pixel, in analysis-frame coordinates, with its numbers. */
    public record Suspect(int x, int y, double meanLevel, double ownStd, double neighbourStd, double meanOffset) {
    }

    /** Frames between two added frames. */
    public static final int EVERY = 2;
    /** Added frames after which the packed accumulators are folded into the wide ones (the 24-bit sum is full). */
    static final int FOLD_FRAMES = 1 << 16;
    /** Added frames whose offsets fit a 16-bit lane (see {@link #offsetLanes}). */
    static final int LANE_FRAMES = 32;
    /** {@code v | v * v << 24}: one addition accumulates a level and its square (see {@link #acc}). */
    private static final long[] LEVEL_AND_SQUARE = new long[256];

    static {
        for (int v = 0; v < 256; v++) {
            LEVEL_AND_SQUARE[v] = v | ((long) v * v) << 24;
        }
    }

    private final int w;
    private final int h;
    /**
     * Per pixel, packed: the sum of levels in the low 24 bits (255 per frame: 65,536 frames) and the sum of squared
     * levels above them (40 bits). Folded into {@link #wide} every {@link #FOLD_FRAMES} added frames.
     */
    private final long[] acc;
    private final int[] offset; // |8v - neighbours| <= 2040 per frame: 65,536 frames fit
    /**
     * The offsets of the pixels done eight at a time, as they come out of the word arithmetic: per interior row and
     * word, two longs (even and odd pixels) of four 16-bit lanes; 32 frames fit (2040 x 32 < 2^16), then they are
     * added into {@link #offset}. Pixel c of a row (c >= 1) is word (c - 1) / 8, lane ((c - 1) % 8) / 2.
     */
    private final long[] offsetLanes;
    private final int rowWords;
    /** Sums folded out of {@link #acc} and {@link #offset}: level, square, offset per pixel; null until needed. */
    private long[][] wide;
    private int frames;

    public PixelWatch(int w, int h) {
        this.w = w;
        this.h = h;
        this.acc = new long[w * h];
        this.offset = new int[w * h];
        this.rowWords = Math.max(0, (w - 2) / 8);
        this.offsetLanes = new long[Math.max(0, h - 2) * rowWords * 2];
    }

    /**
     * Adds one luma plane. The 3x3 sums and the distances |9v - sum| = |8v - neighbours| are computed for eight
     * pixels at a time in 16-bit lanes of a word ({@link Swar}); the per-pixel sums are then added one by one.
     */
    public void add(byte[] y) {
        final long even = 0x00FF00FF00FF00FFL;
        final long lanes = 0x0001000100010001L;
        final long bias = 0x8000 * lanes; // 9v + 0x8000 - s stays in 0x8000 +- 2295: positive, no carry between lanes
        for (int r = 1; r < h - 1; r++) {
            int up = (r - 1) * w;
            int mid = r * w;
            int dn = (r + 1) * w;
            int c = 1;
            int lane = (r - 1) * rowWords * 2;
            for (; c + 8 <= w - 1; c += 8, lane += 2) {
                long ul = Swar.word(y, up + c - 1);
                long uc = Swar.word(y, up + c);
                long ur = Swar.word(y, up + c + 1);
                long ml = Swar.word(y, mid + c - 1);
                long mc = Swar.word(y, mid + c);
                long mr = Swar.word(y, mid + c + 1);
                long dl = Swar.word(y, dn + c - 1);
                long dc = Swar.word(y, dn + c);
                long dr = Swar.word(y, dn + c + 1);
                long sumEven = (ul & even) + (uc & even) + (ur & even) + (ml & even) + (mc & even) + (mr & even)
                        + (dl & even) + (dc & even) + (dr & even);
                long sumOdd = ((ul >>> 8) & even) + ((uc >>> 8) & even) + ((ur >>> 8) & even) + ((ml >>> 8) & even)
                        + ((mc >>> 8) & even) + ((mr >>> 8) & even) + ((dl >>> 8) & even) + ((dc >>> 8) & even)
                        + ((dr >>> 8) & even);
                offsetLanes[lane] += absLanes((mc & even) * 9 + bias - sumEven, lanes);
                offsetLanes[lane + 1] += absLanes(((mc >>> 8) & even) * 9 + bias - sumOdd, lanes);
                int i = mid + c;
                for (int j = 0; j < 8; j++) {
                    acc[i + j] += LEVEL_AND_SQUARE[(int) (mc >>> (8 * j)) & 0xFF];
                }
            }
            for (; c < w - 1; c++) {
                int i = mid + c;
                int v = y[i] & 0xff;
                int nb = (y[i - w - 1] & 0xff) + (y[i - w] & 0xff) + (y[i - w + 1] & 0xff) + (y[i - 1] & 0xff)
                        + (y[i + 1] & 0xff) + (y[i + w - 1] & 0xff) + (y[i + w] & 0xff) + (y[i + w + 1] & 0xff);
                acc[i] += LEVEL_AND_SQUARE[v];
                offset[i] += Math.abs(8 * v - nb);
            }
        }
        frames++;
        if (frames % LANE_FRAMES == 0) {
            foldLanes();
        }
        if (frames % FOLD_FRAMES == 0) {
            fold();
        }
    }

    /** Adds the lane offsets into {@link #offset} and clears them. */
    private void foldLanes() {
        for (int r = 1; r < h - 1; r++) {
            for (int j = 0; j < rowWords; j++) {
                int lane = ((r - 1) * rowWords + j) * 2;
                int i = r * w + 1 + 8 * j;
                for (int k = 0; k < 4; k++) {
                    offset[i + 2 * k] += (int) (offsetLanes[lane] >>> (16 * k)) & 0xFFFF;
                    offset[i + 2 * k + 1] += (int) (offsetLanes[lane + 1] >>> (16 * k)) & 0xFFFF;
                }
                offsetLanes[lane] = 0;
                offsetLanes[lane + 1] = 0;
            }
        }
    }

    /** |u - 0x8000| in each 16-bit lane of u (every lane within 0x8000 +- 0x7FFF). */
    private static long absLanes(long u, long lanes) {
        long nonNeg = (u >>> 15) & lanes; // 1 where u >= 0x8000
        long neg = nonNeg ^ lanes;
        return (u ^ (nonNeg * 0x8000 + neg * 0x7FFF)) + neg; // u - 0x8000, or (0x7FFF - u) + 1
    }

    /** Moves the packed sums into the wide ones (every {@link #FOLD_FRAMES} added frames). */
    private void fold() {
        if (wide == null) {
            wide = new long[3][w * h];
        }
        for (int i = 0; i < acc.length; i++) {
            wide[0][i] += acc[i] & 0xFFFFFF;
            wide[1][i] += acc[i] >>> 24;
            wide[2][i] += offset[i];
            acc[i] = 0;
            offset[i] = 0;
        }
    }

    long levelSum(int i) {
        return (acc[i] & 0xFFFFFF) + (wide == null ? 0 : wide[0][i]);
    }

    long squareSum(int i) {
        return (acc[i] >>> 24) + (wide == null ? 0 : wide[1][i]);
    }

    long offsetSum(int i) {
        long sum = offset[i] + (wide == null ? 0 : wide[2][i]);
        int r = i / w;
        int c = i % w;
        if (r >= 1 && r < h - 1 && c >= 1 && (c - 1) / 8 < rowWords) { // still in a lane
            int lane = ((r - 1) * rowWords + (c - 1) / 8) * 2 + ((c - 1) & 1);
            sum += (offsetLanes[lane] >>> (16 * (((c - 1) % 8) / 2))) & 0xFFFF;
        }
        return sum;
    }

    public int frames() {
        return frames;
    }

    /** Pixels that pass every {@link Thresholds} stuck-pixel rule; empty with fewer than the minimum frames. */
    public List<Suspect> suspects() {
        List<Suspect> out = new ArrayList<>();
        if (frames * EVERY < Thresholds.STUCK_MIN_FRAMES) {
            return out;
        }
        for (int r = 2; r < h - 2; r++) {
            for (int c = 2; c < w - 2; c++) {
                int i = r * w + c;
                double mean = (double) levelSum(i) / frames;
                double off = offsetSum(i) / 8.0 / frames;
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
                double nb = (std(i - w - 1) + std(i - w) + std(i - w + 1) + std(i - 1) + std(i + 1) + std(i + w - 1)
                        + std(i + w) + std(i + w + 1)) / 8;
                if (nb >= Thresholds.STUCK_MIN_NEIGHBOUR_STD && unlikeEveryNeighbour(i, mean)) {
                    out.add(new Suspect(c, r, mean, own, nb, off));
                }
            }
        }
        return isolated(out);
    }

    /** A sensor defect is a lone pixel: suspects touching another suspect are a picture feature (a lamp). */
    static List<Suspect> isolated(List<Suspect> all) {
        List<Suspect> out = new ArrayList<>();
        for (Suspect s : all) {
            boolean alone = all.stream().noneMatch(o -> o != s && Math.abs(o.x() - s.x()) <= 1
                    && Math.abs(o.y() - s.y()) <= 1);
            if (alone) {
                out.add(s);
            }
        }
        return out;
    }

    /** No neighbour's mean level is near the pixel's: true of a lone photosite, false at the edge of a clipped area. */
    private boolean unlikeEveryNeighbour(int i, double mean) {
        for (int n : new int[] {i - w - 1, i - w, i - w + 1, i - 1, i + 1, i + w - 1, i + w, i + w + 1}) {
            if (Math.abs((double) levelSum(n) / frames - mean) < Thresholds.STUCK_MIN_NEIGHBOUR_GAP) {
                return false;
            }
        }
        return true;
    }

    private double std(int i) {
        double m = (double) levelSum(i) / frames;
        return Math.sqrt(Math.max(0, (double) squareSum(i) / frames - m * m));
    }
}
