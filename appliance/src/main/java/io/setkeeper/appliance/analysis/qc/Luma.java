package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;

/**
 * Pure per-frame measurements on 8-bit luma planes (Rec. 601 weights on the BGR frame, integer arithmetic):
 * the building blocks of QC. Every function reads its inputs only and returns a new value.
 */
public final class Luma {
    private Luma() {
    }

    /** The luma plane of a BGR frame, one byte per pixel, row-major. */
    public static byte[] of(Frame f) {
        byte[] bgr = f.bgr();
        byte[] y = new byte[f.width() * f.height()];
        for (int i = 0, j = 0; i < y.length; i++, j += 3) {
            y[i] = (byte) ((29 * (bgr[j] & 0xff) + 150 * (bgr[j + 1] & 0xff) + 77 * (bgr[j + 2] & 0xff)) >> 8);
        }
        return y;
    }

    /** 256-bin histogram. */
    public static int[] histogram(byte[] y) {
        int[] h = new int[256];
        for (byte b : y) {
            h[b & 0xff]++;
        }
        return h;
    }

    /** Mean level 0..255 from a histogram. */
    public static double mean(int[] hist) {
        long sum = 0;
        long n = 0;
        for (int v = 0; v < 256; v++) {
            sum += (long) v * hist[v];
            n += hist[v];
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    /** Percentage (0..100) of pixels with a level in [lo, hi]. */
    public static double percent(int[] hist, int lo, int hi) {
        long in = 0;
        long n = 0;
        for (int v = 0; v < 256; v++) {
            n += hist[v];
            if (v >= lo && v <= hi) {
                in += hist[v];
            }
        }
        return n == 0 ? 0 : 100.0 * in / n;
    }

    /** Variance of the 4-neighbour Laplacian over the interior: higher is sharper. */
    public static double laplacianVariance(byte[] y, int w, int h) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int r = 1; r < h - 1; r++) {
            int o = r * w;
            for (int c = 1; c < w - 1; c++) {
                int i = o + c;
                int lap = (y[i - 1] & 0xff) + (y[i + 1] & 0xff) + (y[i - w] & 0xff) + (y[i + w] & 0xff)
                        - 4 * (y[i] & 0xff);
                sum += lap;
                sq += (double) lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double m = sum / n;
        return sq / n - m * m;
    }

    /** Mean absolute difference of two planes of the same size, in levels. */
    public static double meanAbsDiff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("planes differ in size: " + a.length + " vs " + b.length);
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return a.length == 0 ? 0 : (double) sum / a.length;
    }

    /** Halves a plane in both directions by 2x2 averaging; the result is {@code (w/2) x (h/2)}. */
    public static byte[] half(byte[] y, int w, int h) {
        int hw = w / 2;
        int hh = h / 2;
        byte[] out = new byte[hw * hh];
        for (int r = 0; r < hh; r++) {
            int a = 2 * r * w;
            int b = a + w;
            for (int c = 0; c < hw; c++) {
                int s = (y[a + 2 * c] & 0xff) + (y[a + 2 * c + 1] & 0xff) + (y[b + 2 * c] & 0xff) + (y[b + 2 * c + 1] & 0xff);
                out[r * hw + c] = (byte) ((s + 2) >> 2);
            }
        }
        return out;
    }
}
