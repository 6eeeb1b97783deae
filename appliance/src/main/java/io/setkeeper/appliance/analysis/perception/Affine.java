package io.setkeeper.appliance.analysis.perception;

/**
 * A 2-D affine map x' = a x + b y + c, y' = d x + e y + f, in pixel-index coordinates. Used both to warp images
 * (output pixel to source pixel) and to map model outputs back to frame pixels.
 */
public record Affine(double a, double b, double c, double d, double e, double f) {
    /** The map that takes an output pixel (u, v) of an outW x outH crop-resize to the source region (x, y, w, h). */
    public static Affine cropResize(double x, double y, double w, double h, int outW, int outH) {
        double sx = w / outW;
        double sy = h / outH;
        return new Affine(sx, 0, x + 0.5 * sx - 0.5, 0, sy, y + 0.5 * sy - 0.5);
    }

    public double applyX(double x, double y) {
        return a * x + b * y + c;
    }

    public double applyY(double x, double y) {
        return d * x + e * y + f;
    }

    /** The inverse map; fails on a singular matrix. */
    public Affine invert() {
        double det = a * e - b * d;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("singular affine map " + this);
        }
        double ia = e / det;
        double ib = -b / det;
        double id = -d / det;
        double ie = a / det;
        return new Affine(ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f));
    }

    /** Uniform scale of a similarity transform (sqrt of |det|). */
    public double scale() {
        return Math.sqrt(Math.abs(a * e - b * d));
    }
}
