package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.colour.Lab;

/**
 * Colour statistics of a clip in CIELAB (sRGB/Rec.709 primaries, D65): mean and spread of L*, a*, b*, and a
 * grey-world white balance estimate (the gains that would make the average linear R and B equal to G). Accumulated
 * over a pixel grid of sampled frames (mutable, one per clip); {@link #summary()} gives the values.
 */
public final class ColourStats {
    /** Step between sampled pixels in both directions. */
    public static final int GRID = 4;

    /** The clip's colour numbers; {@code rGain = G/R} and {@code bGain = G/B} of the linear grey-world means. */
    public record Summary(double meanL, double meanA, double meanB, double sdL, double sdA, double sdB, double rGain,
                          double bGain, long samples) {
    }

    private final double[] s = new double[6];
    private final double[] sq = new double[3];
    private long n;

    /** Adds the grid pixels of one frame. */
    public void add(Frame f) {
        byte[] bgr = f.bgr();
        double[] lab = new double[3];
        for (int y = GRID / 2; y < f.height(); y += GRID) {
            for (int x = GRID / 2; x < f.width(); x += GRID) {
                int i = (y * f.width() + x) * 3;
                double b = Lab.linear(bgr[i] & 0xff);
                double g = Lab.linear(bgr[i + 1] & 0xff);
                double r = Lab.linear(bgr[i + 2] & 0xff);
                Lab.fromLinear(r, g, b, lab);
                for (int k = 0; k < 3; k++) {
                    s[k] += lab[k];
                    sq[k] += lab[k] * lab[k];
                }
                s[3] += r;
                s[4] += g;
                s[5] += b;
                n++;
            }
        }
    }

    public Summary summary() {
        if (n == 0) {
            return new Summary(0, 0, 0, 0, 0, 0, 1, 1, 0);
        }
        double[] m = new double[3];
        double[] sd = new double[3];
        for (int k = 0; k < 3; k++) {
            m[k] = s[k] / n;
            sd[k] = Math.sqrt(Math.max(0, sq[k] / n - m[k] * m[k]));
        }
        double r = s[3] / n;
        double g = s[4] / n;
        double b = s[5] / n;
        return new Summary(m[0], m[1], m[2], sd[0], sd[1], sd[2], r > 0 ? g / r : 1, b > 0 ? g / b : 1, n);
    }
}
