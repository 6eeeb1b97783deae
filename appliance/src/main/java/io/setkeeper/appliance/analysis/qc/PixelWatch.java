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

    private final int w;
    private final int h;
    private final int[] sum; // <= 255 per frame: an int holds 8 million samples
    private final long[] sumSq;
    private final int[] offset; // <= 2040 per frame: an int holds a million samples (11 h at 24 fps, every 2nd)
    private int frames;

    public PixelWatch(int w, int h) {
        this.w = w;
        this.h = h;
        this.sum = new int[w * h];
        this.sumSq = new long[w * h];
        this.offset = new int[w * h];
    }

    /** Adds one luma plane. */
    public void add(byte[] y) {
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
            if (Math.abs((double) sum[n] / frames - mean) < Thresholds.STUCK_MIN_NEIGHBOUR_GAP) {
                return false;
            }
        }
        return true;
    }

    private double std(int i) {
        double m = (double) sum[i] / frames;
        return Math.sqrt(Math.max(0, (double) sumSq[i] / frames - m * m));
    }
}
