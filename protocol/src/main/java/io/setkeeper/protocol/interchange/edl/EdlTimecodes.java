package io.setkeeper.protocol.interchange.edl;

/**
 * SMPTE timecode text to frame counts and back, for the EDL adapter only (drop-frame for 30 and 60 nominal rates:
 * frame numbers 0 and 1, or 0 to 3, are skipped at the start of every minute except each tenth).
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
        long totalMinutes = hh * 60L + mm;
        long frames = (totalMinutes * 60 + ss) * fps + ff;
        if (!drop) {
            return frames;
        }
        int dropped = dropPerMinute(fps);
        if (ss == 0 && mm % 10 != 0 && ff < dropped) {
            throw new IllegalArgumentException("drop-frame timecode " + text + " does not exist (frames 0-"
                    + (dropped - 1) + " are dropped at minute " + mm + ")");
        }
        return frames - dropped * (totalMinutes - totalMinutes / 10);
    }

    /** The timecode of a frame count; drop-frame text uses {@code ;} before the frames. */
    static String format(long frames, int fps, boolean drop) {
        if (frames < 0) {
            throw new IllegalArgumentException("negative frame count " + frames);
        }
        long f = frames;
        if (drop) {
            int dropped = dropPerMinute(fps);
            long perTenMinutes = 600L * fps - 9L * dropped;
            long perMinute = 60L * fps - dropped;
            long tens = f / perTenMinutes;
            long rest = f % perTenMinutes;
            long extraMinutes = rest < dropped ? 0 : (rest - dropped) / perMinute;
            f = f + 9L * dropped * tens + dropped * extraMinutes;
        }
        if (f >= 100L * 3600 * fps) {
            throw new IllegalArgumentException("frame count " + frames + " is beyond 99:59:59");
        }
        long ff = f % fps;
        long seconds = f / fps;
        String sep = drop ? ";" : ":";
        return String.format("%02d:%02d:%02d%s%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60, sep, ff);
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
