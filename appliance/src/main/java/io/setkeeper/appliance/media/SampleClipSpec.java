package io.setkeeper.appliance.media;

import java.util.Objects;

/**
 * What demo clip to write: a name burnt into the picture, size, exact frame rate, start timecode and length.
 * Frame rate is given as integers (e.g. 24000/1001) and timecode as text so that callers need no other type.
 *
 * @param name          clip name drawn into every frame, e.g. "A001C007"
 * @param width         picture width, even, 64 to 4096
 * @param height        picture height, even, 64 to 2160
 * @param fpsNum        frame rate numerator, e.g. 24000
 * @param fpsDen        frame rate denominator, e.g. 1001
 * @param startTimecode "HH:MM:SS:FF" (';' before FF for drop-frame at 30000/1001 or 60000/1001)
 * @param frames        number of frames, 1 to 3000
 */
public record SampleClipSpec(String name, int width, int height, int fpsNum, int fpsDen, String startTimecode,
                             int frames) {

    public SampleClipSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startTimecode, "startTimecode");
        if (width < 64 || width > 4096 || height < 64 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("picture size must be even, 64..4096 x 64..2160: " + width + "x" + height);
        }
        if (frames < 1 || frames > 3000) {
            throw new IllegalArgumentException("frames must be 1..3000: " + frames);
        }
        Timecodes.toFrames(startTimecode, fpsNum, fpsDen); // validates rate and timecode
    }

    /** A 640x360 clip at 24000/1001 of {@code seconds} whole seconds (rounded to frames). */
    public static SampleClipSpec proxy(String name, String startTimecode, int seconds) {
        return new SampleClipSpec(name, 640, 360, 24000, 1001, startTimecode, (int) Math.round(seconds * 24000 / 1001.0));
    }

    /** True when the start timecode is drop-frame. */
    public boolean dropFrame() {
        return startTimecode.contains(";");
    }
}
