package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;

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

    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private final double[] s = new double[6];
    private final double[] sq = new double[3];
    private long n;

    /** Adds the grid pixels of one frame. */
    public void add(Frame f) {
        byte[] bgr = f.bgr();
        for (int y = GRID / 2; y < f.height(); y += GRID) {
            for (int x = GRID / 2; x < f.width(); x += GRID) {
                int i = (y * f.width() + x) * 3;
                double b = LINEAR[bgr[i] & 0xff];
                double g = LINEAR[bgr[i + 1] & 0xff];
                double r = LINEAR[bgr[i + 2] & 0xff];
                double[] lab = lab(r, g, b);
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

    /** CIELAB of linear sRGB values in 0..1 (D65 white). */
    public static double[] lab(double r, double g, double b) {
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
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
