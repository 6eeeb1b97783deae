package io.setkeeper.appliance.fixes.cdl;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.fixes.Mask;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.util.List;

/**
 * A sample of picture pixels as sRGB code values 0..1, interleaved r, g, b: what a CDL is solved on.
 */
public record Pixels(float[] rgb) {
    public Pixels {
        if (rgb.length == 0 || rgb.length % 3 != 0) {
            throw new IllegalArgumentException("pixels need a non-empty r,g,b sequence, got " + rgb.length + " values");
        }
    }

    public int count() {
        return rgb.length / 3;
    }

    /**
     * About {@code max} pixels on an even grid over the frames, leaving out what each frame's mask excludes
     * ({@code masks} parallel to {@code frames}, entries may be null). Fails when every pixel is excluded.
     */
    public static Pixels sample(List<Frame> frames, List<Mask> masks, int max) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to sample");
        }
        long total = 0;
        for (Frame f : frames) {
            total += (long) f.width() * f.height();
        }
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) total / max)));
        float[] buf = new float[(int) Math.min(Integer.MAX_VALUE - 8, 3L * (total / ((long) step * step) + frames.size()
                * (frames.getFirst().width() + frames.getFirst().height() + 1L)))];
        int n = 0;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            Mask m = masks == null || masks.get(i) == null ? Mask.NONE : masks.get(i);
            for (int y = step / 2; y < f.height(); y += step) {
                for (int x = step / 2; x < f.width(); x += step) {
                    if (m.excluded(x, y) || n + 3 > buf.length) {
                        continue;
                    }
                    buf[n++] = f.at(x, y, 2) / 255f;
                    buf[n++] = f.at(x, y, 1) / 255f;
                    buf[n++] = f.at(x, y, 0) / 255f;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("every sampled pixel is masked out (people cover the picture)");
        }
        return new Pixels(java.util.Arrays.copyOf(buf, n));
    }

    /** An even subset of at most {@code max} pixels (this sample when it is small enough). */
    public Pixels thin(int max) {
        int n = count();
        if (n <= max) {
            return this;
        }
        float[] out = new float[3 * max];
        for (int i = 0; i < max; i++) {
            System.arraycopy(rgb, 3 * (int) ((long) i * n / max), out, 3 * i, 3);
        }
        return new Pixels(out);
    }

    /** These pixels through a CDL (the ASC v1.2 formula of {@link Cdl#apply}, on arrays). */
    public Pixels apply(Cdl cdl) {
        float[] out = new float[rgb.length];
        apply(cdl, rgb, out);
        return new Pixels(out);
    }

    /** The ASC CDL v1.2 with clamps, exactly as {@link Cdl#apply}, over interleaved r,g,b arrays. */
    public static void apply(Cdl c, float[] in, float[] out) {
        double sr = c.slope().r(), sg = c.slope().g(), sb = c.slope().b();
        double or = c.offset().r(), og = c.offset().g(), ob = c.offset().b();
        double pr = c.power().r(), pg = c.power().g(), pb = c.power().b();
        double sat = c.saturation();
        for (int i = 0; i < in.length; i += 3) {
            double r = pow(clamp(in[i] * sr + or), pr);
            double g = pow(clamp(in[i + 1] * sg + og), pg);
            double b = pow(clamp(in[i + 2] * sb + ob), pb);
            double luma = Cdl.LUMA_R * r + Cdl.LUMA_G * g + Cdl.LUMA_B * b;
            out[i] = (float) clamp(luma + sat * (r - luma));
            out[i + 1] = (float) clamp(luma + sat * (g - luma));
            out[i + 2] = (float) clamp(luma + sat * (b - luma));
        }
    }

    private static double pow(double v, double p) {
        return p == 1 ? v : Math.pow(v, p);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
