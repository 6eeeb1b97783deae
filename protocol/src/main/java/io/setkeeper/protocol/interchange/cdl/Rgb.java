package io.setkeeper.protocol.interchange.cdl;

/** Three values for red, green and blue: a pixel, or one of a CDL's slope, offset and power triples. */
public record Rgb(double r, double g, double b) {
    /** The same value in all three channels. */
    public static Rgb all(double v) {
        return new Rgb(v, v, v);
    }

    /** True when all three values are finite. */
    public boolean finite() {
        return Double.isFinite(r) && Double.isFinite(g) && Double.isFinite(b);
    }

    /** The largest absolute channel difference to {@code other}. */
    public double maxDifference(Rgb other) {
        return Math.max(Math.abs(r - other.r), Math.max(Math.abs(g - other.g), Math.abs(b - other.b)));
    }
}
