package io.setkeeper.appliance.media;

/**
 * The main picture stream of a probed file.
 *
 * @param index            stream index in the container
 * @param codec            FFmpeg codec name, e.g. {@code prores}, {@code h264}, {@code dnxhd}
 * @param width            coded width in pixels (before rotation)
 * @param height           coded height in pixels (before rotation)
 * @param frameRate        the nominal frame rate, exact (FFmpeg's {@code av_guess_frame_rate}, e.g. 24000/1001);
 *                         null when nothing in the file states a rate
 * @param averageFrameRate frames over duration; differs from {@code frameRate} on variable-rate phone clips
 *                         (null when the container does not say, e.g. some MXF)
 * @param frameCount       number of frames (see {@code frameCountSource})
 * @param frameCountSource how the count was obtained
 * @param rotation         display rotation in degrees, counter-clockwise, as FFmpeg's display matrix gives it
 *                         ({@code av_display_rotation_get}) normalised to (-180, 180]: a phone portrait is -90
 * @param transfer         SDR / PQ / HLG / UNKNOWN from the stream's colour transfer characteristic
 * @param transferName     FFmpeg's name of the transfer characteristic, e.g. {@code smpte2084}, or "unknown"
 * @param primaries        FFmpeg's name of the colour primaries, e.g. {@code bt709}, {@code bt2020}, or "unknown"
 * @param pixelFormat      FFmpeg pixel format name, e.g. {@code yuv422p10le}
 * @param bitDepth         bits per component of the pixel format (0 when unknown)
 */
public record VideoTrack(int index, String codec, int width, int height, Rational frameRate, Rational averageFrameRate,
                         long frameCount, FrameCountSource frameCountSource, int rotation, TransferFunction transfer,
                         String transferName, String primaries, String pixelFormat, int bitDepth) {

    /** How a frame count was obtained: from the container index, from duration times rate, or by counting packets. */
    public enum FrameCountSource {
        CONTAINER,
        DURATION,
        COUNTED,
        UNKNOWN
    }

    /** Width and height as shown after applying the rotation (a -90 portrait 3840x2160 displays as 2160x3840). */
    public int displayWidth() {
        return Math.abs(rotation) == 90 ? height : width;
    }

    /** See {@link #displayWidth()}. */
    public int displayHeight() {
        return Math.abs(rotation) == 90 ? width : height;
    }
}
