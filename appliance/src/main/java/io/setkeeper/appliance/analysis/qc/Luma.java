package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;

/**
 * Pure per-frame measurements on 8-bit luma planes (Rec. 601 weights on the BGR frame, integer arithmetic):
 * the building blocks of QC. Every function reads its inputs only and returns a new value.
 */
public final class Luma {
    private Luma() {
    }

    /**
     * The luma plane of one frame with its half, quarter and eighth reductions, computed once per frame and shared by every
     * detector. Mutable and reused: an analyzer keeps two and swaps them, so no plane is allocated per frame.
     */
    public static final class Planes {
        private final int w;
        private final int h;
        private final byte[] full;
        private final byte[] half;
        private final byte[] quarter;
        private final byte[] eighth;

        public Planes(int w, int h) {
            this.w = w;
            this.h = h;
            this.full = new byte[w * h];
            this.half = new byte[(w / 2) * (h / 2)];
            this.quarter = new byte[(w / 4) * (h / 4)];
            this.eighth = new byte[(w / 8) * (h / 8)];
        }

        /** Converts the frame's BGR into the full plane (the frame must have this size). */
        public void fill(Frame f) {
            into(f.bgr(), full);
        }

        /** Copies a luma plane of this size into the full plane. */
        public void fill(byte[] luma) {
            if (luma.length != full.length) {
                throw new IllegalArgumentException("luma plane has " + luma.length + " bytes, expected " + full.length);
            }
            System.arraycopy(luma, 0, full, 0, full.length);
        }

        /** Recomputes the half, quarter and eighth planes from the full one. */
        public void reduce() {
            halve(full, w, h, half);
            halve(half, w / 2, h / 2, quarter);
            halve(quarter, w / 4, h / 4, eighth);
        }

        public int width() {
            return w;
        }

        public int height() {
            return h;
        }

        /** The full-resolution plane; owned by this object, overwritten by the next {@link #fill}. */
        public byte[] full() {
            return full;
        }

        public byte[] half() {
            return half;
        }

        public byte[] quarter() {
            return quarter;
        }

        public byte[] eighth() {
            return eighth;
        }
    }

    /** The luma plane of a BGR frame, one byte per pixel, row-major. */
    public static byte[] of(Frame f) {
        byte[] y = new byte[f.width() * f.height()];
        into(f.bgr(), y);
        return y;
    }

    private static void into(byte[] bgr, byte[] y) {
        for (int i = 0, j = 0; i < y.length; i++, j += 3) {
            y[i] = (byte) ((29 * (bgr[j] & 0xff) + 150 * (bgr[j + 1] & 0xff) + 77 * (bgr[j + 2] & 0xff)) >> 8);
        }
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
        long sum = 0;
        long sq = 0;
        long n = 0;
        for (int r = 1; r < h - 1; r++) {
            int o = r * w;
            for (int c0 = 1; c0 < w - 1; c0 += 2048) { // int sums over <= 2048 columns (|lap| <= 1020)
                int rowSum = 0;
                int rowSq = 0;
                for (int c = c0, end = Math.min(w - 1, c0 + 2048); c < end; c++) {
                    int i = o + c;
                    int lap = (y[i - 1] & 0xff) + (y[i + 1] & 0xff) + (y[i - w] & 0xff) + (y[i + w] & 0xff)
                            - 4 * (y[i] & 0xff);
                    rowSum += lap;
                    rowSq += lap * lap;
                }
                sum += rowSum;
                sq += Integer.toUnsignedLong(rowSq);
            }
            n += Math.max(0, w - 2);
        }
        if (n == 0) {
            return 0;
        }
        double m = (double) sum / n;
        return (double) sq / n - m * m;
    }

    /** Mean absolute difference of two planes of the same size, in levels. */
    public static double meanAbsDiff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("planes differ in size: " + a.length + " vs " + b.length);
        }
        long sum = 0;
        for (int start = 0; start < a.length; start += 4096) {
            int end = Math.min(a.length, start + 4096);
            int block = 0; // at most 4096 * 255: an int, which the JIT can vectorise
            for (int i = start; i < end; i++) {
                block += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
            }
            sum += block;
        }
        return a.length == 0 ? 0 : (double) sum / a.length;
    }

    /** Halves a plane in both directions by 2x2 averaging; the result is {@code (w/2) x (h/2)}. */
    public static byte[] half(byte[] y, int w, int h) {
        byte[] out = new byte[(w / 2) * (h / 2)];
        halve(y, w, h, out);
        return out;
    }

    private static void halve(byte[] y, int w, int h, byte[] out) {
        int hw = w / 2;
        int hh = h / 2;
        for (int r = 0; r < hh; r++) {
            int a = 2 * r * w;
            int b = a + w;
            for (int c = 0; c < hw; c++) {
                int s = (y[a + 2 * c] & 0xff) + (y[a + 2 * c + 1] & 0xff) + (y[b + 2 * c] & 0xff) + (y[b + 2 * c + 1] & 0xff);
                out[r * hw + c] = (byte) ((s + 2) >> 2);
            }
        }
    }
}
