package io.setkeeper.appliance.analysis.perception;

import java.util.Objects;

/**
 * How a model wants its pixels: channel order, tensor layout, per-channel normalisation
 * {@code (value - mean) / std} in 0..255 units (in the output channel order), and the 0..255 value used outside
 * the source image (letterbox padding).
 */
public record PixelSpec(Channels channels, boolean nhwc, float[] mean, float[] std, float fill) {
    /** Output channel order. */
    public enum Channels {
        RGB, BGR, GRAY;

        public int count() {
            return this == GRAY ? 1 : 3;
        }
    }

    public PixelSpec {
        Objects.requireNonNull(channels, "channels");
        if (mean.length != channels.count() || std.length != channels.count()) {
            throw new IllegalArgumentException("mean/std need " + channels.count() + " values");
        }
    }

    /** Same mean and std for every channel, NCHW. */
    public static PixelSpec planar(Channels channels, float mean, float std, float fill) {
        float[] m = new float[channels.count()];
        float[] s = new float[channels.count()];
        java.util.Arrays.fill(m, mean);
        java.util.Arrays.fill(s, std);
        return new PixelSpec(channels, false, m, s, fill);
    }
}
