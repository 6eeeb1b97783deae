package io.setkeeper.appliance.colour;

/**
 * sRGB (D65) to CIELAB: 8-bit values through a lookup table for the linearisation, or code values 0..1. The one
 * conversion analysis, the production model, continuity and the fix generators share. Pure.
 */
public final class Lab {
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            LINEAR[i] = linear(i / 255.0);
        }
    }

    private Lab() {
    }

    /** Writes L, a, b of the 8-bit r, g, b into out[0..2]. */
    public static void fromRgb(int r, int g, int b, double[] out) {
        fromLinear(LINEAR[r], LINEAR[g], LINEAR[b], out);
    }

    /** Writes L, a, b of the sRGB code values r, g, b (0..1, clamped) into out[0..2]. */
    public static void fromUnit(double r, double g, double b, double[] out) {
        fromLinear(linear(r), linear(g), linear(b), out);
    }

    /** The Lab colour of one sRGB code value triple (0..1) as a new array. */
    public static double[] fromUnit(double r, double g, double b) {
        double[] out = new double[3];
        fromUnit(r, g, b, out);
        return out;
    }

    private static double linear(double c) {
        c = c < 0 ? 0 : c > 1 ? 1 : c;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The linear light (0..1) of an 8-bit sRGB code value. */
    public static double linear(int v) {
        return LINEAR[v];
    }

    /** Writes L, a, b of linear-light sRGB values (0..1) into out[0..2]. */
    public static void fromLinear(double lr, double lg, double lb, double[] out) {
        double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        out[0] = 116 * fy - 16;
        out[1] = 500 * (fx - fy);
        out[2] = 200 * (fy - fz);
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
