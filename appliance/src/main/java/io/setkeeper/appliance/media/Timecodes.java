package io.setkeeper.appliance.media;

import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.util.regex.Pattern;

/**
 * Timecode text of media files ("HH:MM:SS:FF", ';' before the frames when drop-frame) to frame numbers and back,
 * at an exact frame rate {@code fpsNum/fpsDen}. The SMPTE arithmetic is {@link Timecode}'s (protocol); this class
 * only holds the media side's strict text shape and its rational rates. Pure functions.
 */
public final class Timecodes {
    private static final Pattern TC = Pattern.compile("\\d{2}:\\d{2}:\\d{2}[:;]\\d{2}");

    private Timecodes() {
    }

    /** Frame number (from 00:00:00:00) of a timecode; ';' before the frames means drop-frame. */
    public static long toFrames(String timecode, int fpsNum, int fpsDen) {
        if (!TC.matcher(timecode.strip()).matches()) {
            throw new IllegalArgumentException("not a timecode HH:MM:SS:FF or HH:MM:SS;FF: " + timecode);
        }
        return Timecode.parse(timecode, rate(fpsNum, fpsDen, false)).frame();
    }

    /** Timecode text of a frame number, wrapping at 24 hours. */
    public static String fromFrames(long frame, int fpsNum, int fpsDen, boolean dropFrame) {
        return Timecode.ofFrames(frame, rate(fpsNum, fpsDen, dropFrame)).format();
    }

    private static FrameRate rate(int fpsNum, int fpsDen, boolean dropFrame) {
        if (fpsNum <= 0 || fpsDen <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + fpsNum + "/" + fpsDen);
        }
        return new FrameRate(fpsNum, fpsDen, (int) Math.round((double) fpsNum / fpsDen), dropFrame);
    }
}
