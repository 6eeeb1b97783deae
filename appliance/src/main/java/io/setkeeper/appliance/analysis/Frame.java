package io.setkeeper.appliance.analysis;

import java.util.Objects;

/**
 * One decoded video frame as plain Java values: interleaved 8-bit BGR (the layout FFmpeg/JavaCV hands out),
 * row-major without padding, with its presentation timestamp in microseconds. The analysis stages work on this
 * so that only the {@code media} package has to know about the decoder.
 *
 * @param width     pixels per row, &gt; 0
 * @param height    rows, &gt; 0
 * @param bgr       {@code width * height * 3} bytes, B,G,R per pixel; not copied, callers must not mutate it
 * @param ptsMicros presentation timestamp
 */
public record Frame(int width, int height, byte[] bgr, long ptsMicros) {
    public Frame {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (bgr.length != (long) width * height * 3) {
            throw new IllegalArgumentException("BGR buffer holds " + bgr.length + " bytes, a " + width + "x" + height
                    + " frame needs " + ((long) width * height * 3));
        }
    }

    /** Channel value 0..255 at pixel (x, y), channel 0 = B, 1 = G, 2 = R; no bounds clamping. */
    public int at(int x, int y, int channel) {
        return bgr[(y * width + x) * 3 + channel] & 0xff;
    }
}
