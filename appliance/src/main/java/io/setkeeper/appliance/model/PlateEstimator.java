package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.Frame;

/**
 * The clean plate of one locked-off setup, learned incrementally: per pixel of a working resolution a reservoir of
 * at most {@link #K} RGB samples seen without a person (a uniform sample of every unmasked observation so far, so
 * the memory is bounded: width x height x K x 3 bytes plus a count) and the plate is the per-channel median of the
 * reservoir. A pixel never seen without a person is a hole. Adding a frame costs O(width x height), whatever was
 * learned before. Not thread-safe ({@link Plates} locks).
 */
final class PlateEstimator {
    /** Samples kept per pixel: the median of 9 tolerates 4 that still show a person the masks missed. */
    static final int K = 9;
    /** Long side of the working resolution. */
    static final int LONG_SIDE = 480;

    final int width;
    final int height;
    /** Reservoir: pixel p, slot s, channel c (R, G, B) at (p * K + s) * 3 + c. */
    final byte[] samples;
    /** Unmasked observations of each pixel so far. */
    final int[] seen;
    private long rng;

    PlateEstimator(int width, int height, long seed) {
        if (width <= 0 || height <= 0 || width > 4 * LONG_SIDE || height > 4 * LONG_SIDE) {
            throw new IllegalArgumentException("implausible plate size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.samples = new byte[width * height * K * 3];
        this.seen = new int[width * height];
        this.rng = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    /** The working size for a frame: long side {@link #LONG_SIDE} (never upscaled), aspect kept. */
    static int[] workingSize(int frameWidth, int frameHeight) {
        double s = Math.min(1.0, (double) LONG_SIDE / Math.max(frameWidth, frameHeight));
        return new int[] {Math.max(1, (int) Math.round(frameWidth * s)), Math.max(1, (int) Math.round(frameHeight * s))};
    }

    /** Adds one frame; {@code person} marks the working-resolution pixels to skip (row-major). */
    void add(Frame f, boolean[] person) {
        double sx = (double) f.width() / width, sy = (double) f.height() / height;
        byte[] rgb = new byte[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (person[p]) {
                    continue;
                }
                sample(f, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, rgb);
                int n = seen[p]++;
                int slot = n < K ? n : (int) Long.remainderUnsigned(next(), n + 1L);
                if (slot < K) {
                    int o = (p * K + slot) * 3;
                    samples[o] = rgb[0];
                    samples[o + 1] = rgb[1];
                    samples[o + 2] = rgb[2];
                }
            }
        }
    }

    /** Seeds a pixel with an earlier plate's value, as {@code count} observations (resuming from a version). */
    void seed(int p, int r, int g, int b, int count) {
        seen[p] = count;
        for (int s = 0; s < Math.min(K, count); s++) {
            int o = (p * K + s) * 3;
            samples[o] = (byte) r;
            samples[o + 1] = (byte) g;
            samples[o + 2] = (byte) b;
        }
    }

    /** The plate as RGBA (alpha 0 at holes), row-major. */
    byte[] plate() {
        byte[] out = new byte[width * height * 4];
        int[] v = new int[K];
        for (int p = 0; p < seen.length; p++) {
            int n = Math.min(K, seen[p]);
            if (n == 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                for (int s = 0; s < n; s++) {
                    v[s] = samples[(p * K + s) * 3 + c] & 0xff;
                }
                java.util.Arrays.sort(v, 0, n);
                out[p * 4 + c] = (byte) (n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2] + 1) / 2);
            }
            out[p * 4 + 3] = (byte) 255;
        }
        return out;
    }

    /** Fraction of pixels never seen without a person. */
    double holeFraction() {
        long holes = 0;
        for (int n : seen) {
            holes += n == 0 ? 1 : 0;
        }
        return (double) holes / seen.length;
    }

    private static void sample(Frame f, double x, double y, byte[] rgb) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        int xa = clamp(x0, f.width()), xb = clamp(x0 + 1, f.width()), ya = clamp(y0, f.height()), yb = clamp(y0 + 1, f.height());
        for (int c = 0; c < 3; c++) {
            double v = (f.at(xa, ya, 2 - c) * (1 - fx) + f.at(xb, ya, 2 - c) * fx) * (1 - fy)
                    + (f.at(xa, yb, 2 - c) * (1 - fx) + f.at(xb, yb, 2 - c) * fx) * fy;
            rgb[c] = (byte) Math.round(v);
        }
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    private long next() {
        rng ^= rng << 13;
        rng ^= rng >>> 7;
        rng ^= rng << 17;
        return rng;
    }
}
