package io.setkeeper.appliance.fixes;

/** Picture arithmetic for the fix generators that is not colour science (that is in {@code colour}). Pure. */
public final class Colour {
    private Colour() {
    }

    /** PSNR in dB of two equally long 8-bit buffers (infinite when equal). */
    public static double psnr(byte[] a, byte[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("PSNR needs two equally long, non-empty buffers");
        }
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xff) - (b[i] & 0xff);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
