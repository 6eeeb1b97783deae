package io.setkeeper.protocol.interchange.edl;

import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;

/**
 * EDL timecode text to frame counts and back, for the EDL adapter only: the EDL's text shape ({@code HH:MM:SS:FF},
 * any of {@code :;.,} as separators), hours up to 99 and its error messages; the SMPTE arithmetic (drop-frame for
 * 30 and 60 nominal rates) is {@link Timecode}'s.
 */
final class EdlTimecodes {
    private EdlTimecodes() {
    }

    /** True when text is written with a drop-frame separator ({@code ;} or {@code ,} before the frames). */
    static boolean dropSeparator(String text) {
        return text.length() == 11 && (text.charAt(8) == ';' || text.charAt(8) == ',');
    }

    /** Frames since 00:00:00:00; refuses malformed text, frames beyond the rate and drop-frame numbers that do not exist. */
    static long parse(String text, int fps, boolean drop) {
        if (text.length() != 11 || !digits(text, 0) || !digits(text, 3) || !digits(text, 6) || !digits(text, 9)
                || ":;.,".indexOf(text.charAt(2)) < 0 || ":;.,".indexOf(text.charAt(5)) < 0
                || ":;.,".indexOf(text.charAt(8)) < 0) {
            throw new IllegalArgumentException("not a timecode: '" + text + "'");
        }
        int hh = Integer.parseInt(text.substring(0, 2));
        int mm = Integer.parseInt(text.substring(3, 5));
        int ss = Integer.parseInt(text.substring(6, 8));
        int ff = Integer.parseInt(text.substring(9, 11));
        if (mm > 59 || ss > 59) {
            throw new IllegalArgumentException("timecode " + text + " has minutes or seconds above 59");
        }
        if (ff >= fps) {
            throw new IllegalArgumentException("timecode " + text + " has frame " + ff + ", beyond " + fps + " fps");
        }
        FrameRate rate = rate(fps, drop);
        try {
            return hh / 24 * rate.framesPerDay() + Timecode.of(hh % 24, mm, ss, ff, rate).frame();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("drop-frame timecode " + text + " does not exist (frames 0-"
                    + (rate.droppedPerMinute() - 1) + " are dropped at minute " + mm + ")", e);
        }
    }

    /** The timecode of a frame count; drop-frame text uses {@code ;} before the frames. */
    static String format(long frames, int fps, boolean drop) {
        if (frames < 0) {
            throw new IllegalArgumentException("negative frame count " + frames);
        }
        FrameRate rate = rate(fps, drop);
        long days = frames / rate.framesPerDay();
        Timecode tc = Timecode.ofFrames(frames, rate);
        if (days * 24 + tc.hours() >= 100) {
            throw new IllegalArgumentException("frame count " + frames + " is beyond 99:59:59");
        }
        return String.format("%02d:%02d:%02d%s%02d", days * 24 + tc.hours(), tc.minutes(), tc.seconds(),
                drop ? ";" : ":", tc.frames());
    }

    /** The rate whose labels an EDL counts: only the nominal rate matters for the labels. */
    private static FrameRate rate(int fps, boolean drop) {
        if (drop) {
            dropPerMinute(fps);
            return FrameRate.ntsc(fps, true);
        }
        return FrameRate.of(fps);
    }

    static int dropPerMinute(int fps) {
        if (fps == 30) {
            return 2;
        }
        if (fps == 60) {
            return 4;
        }
        throw new IllegalArgumentException("drop-frame needs a nominal rate of 30 or 60 fps, not " + fps);
    }

    private static boolean digits(String s, int at) {
        return Character.isDigit(s.charAt(at)) && Character.isDigit(s.charAt(at + 1));
    }
}
