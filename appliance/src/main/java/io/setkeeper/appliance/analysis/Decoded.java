package io.setkeeper.appliance.analysis;

import java.util.Objects;

/**
 * One decoded picture as the frame source hands it to analysis: its 8-bit luma plane at the analysis size, always
 * (full range, the decoder's Y' scaled down, row-major without padding), and in colour only when the consumer
 * asked for it: {@code colour} at the analysis size, {@code detail} at the larger detail size (text, small
 * objects). Converting every frame to colour costs more than decoding it; QC needs only the luma.
 *
 * @param ptsMicros presentation timestamp
 * @param width     analysis width, &gt; 0
 * @param height    analysis height, &gt; 0
 * @param luma      {@code width * height} bytes; not copied, callers must not mutate it
 * @param colour    the picture in BGR at the analysis size, or null when not asked for
 * @param detail    the picture in BGR at the detail size, or null when not asked for
 */
public record Decoded(long ptsMicros, int width, int height, byte[] luma, Frame colour, Frame detail) {
    public Decoded {
        Objects.requireNonNull(luma, "luma");
        if (width <= 0 || height <= 0 || luma.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " luma plane needs " + ((long) width * height)
                    + " bytes, got " + luma.length);
        }
        if (colour != null && (colour.width() != width || colour.height() != height)) {
            throw new IllegalArgumentException("colour frame is " + colour.width() + "x" + colour.height()
                    + ", the luma plane " + width + "x" + height);
        }
    }

    public boolean hasColour() {
        return colour != null;
    }

    /** The colour frame; for consumers that asked for colour on every frame. */
    public Frame requireColour() {
        if (colour == null) {
            throw new IllegalStateException("frame at " + ptsMicros + " us was decoded without colour");
        }
        return colour;
    }
}
