package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;

/**
 * Pure per-frame measurements on 8-bit luma planes (Rec. 601 weights on the BGR frame, integer arithmetic):
 * the building blocks of QC. Every function reads its inputs only and returns a new value. The sums run eight
 * pixels per word ({@link Swar}) and are exact: the same integers as the per-pixel definitions in the comments.
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

        /** Copies a luma plane of this size into the full plane (the caller may reuse its array afterwards). */
        public void fill(byte[] luma) {
            if (luma.length != full.length) {
                throw new IllegalArgumentException("luma plane holds " + luma.length + " bytes, " + w + "x" + h
                        + " needs " + full.length);
            }
            System.arraycopy(luma, 0, full, 0, full.length);
        }

        /** Recomputes the half, quarter and eighth planes from the full one. */
        public void reduce() {
            Swar.halve(full, w, h, half);
            Swar.halve(half, w / 2, h / 2, quarter);
            Swar.halve(quarter, w / 4, h / 4, eighth);
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

    /**
     * Variance of the 4-neighbour Laplacian {@code l + r + u + d - 4c} over the interior: higher is sharper.
     * {@code sums} receives the Laplacian's sum and sum of squares (two longs, reused by the caller).
     */
    public static double laplacianVariance(byte[] y, int w, int h, long[] sums) {
        long n = (long) Math.max(0, h - 2) * Math.max(0, w - 2);
        if (n == 0) {
            return 0;
        }
        Swar.laplacian(y, w, h, sums);
        double m = (double) sums[0] / n;
        return (double) sums[1] / n - m * m;
    }

    /** Variance of the 4-neighbour Laplacian over the interior: higher is sharper. */
    public static double laplacianVariance(byte[] y, int w, int h) {
        return laplacianVariance(y, w, h, new long[2]);
    }

    /** Mean absolute difference of two planes of the same size, in levels. */
    public static double meanAbsDiff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("planes differ in size: " + a.length + " vs " + b.length);
        }
        return a.length == 0 ? 0 : (double) Swar.absDiffSum(a, 0, b, 0, a.length) / a.length;
    }

    /** Halves a plane in both directions by 2x2 averaging (rounded); the result is {@code (w/2) x (h/2)}. */
    public static byte[] half(byte[] y, int w, int h) {
        byte[] out = new byte[(w / 2) * (h / 2)];
        Swar.halve(y, w, h, out);
        return out;
    }
}
