package io.setkeeper.appliance.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timecode arithmetic, SMPTE 12M style: "HH:MM:SS:FF" to a frame number and back, non-drop and drop-frame
 * (';' before the frames; at 30000/1001 frames 00 and 01 are skipped each minute except every tenth, at
 * 60000/1001 frames 00 to 03). Pure functions.
 */
public final class Timecodes {
    private static final Pattern TC = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})([:;])(\\d{2})");

    private Timecodes() {
    }

    /** Frames per timecode second: 24 for 24000/1001, 30 for 30000/1001, 25 for 25. */
    public static int timecodeBase(int fpsNum, int fpsDen) {
        if (fpsNum <= 0 || fpsDen <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + fpsNum + "/" + fpsDen);
        }
        return (int) Math.round((double) fpsNum / fpsDen);
    }

    /** Frames dropped per minute in drop-frame counting, 0 where drop-frame does not exist. */
    public static int dropPerMinute(int fpsNum, int fpsDen) {
        int base = timecodeBase(fpsNum, fpsDen);
        boolean ntsc = fpsDen == 1001 && fpsNum == base * 1000;
        return ntsc && base % 30 == 0 ? base / 15 : 0;
    }

    /** Frame number (from 00:00:00:00) of a timecode. */
    public static long toFrames(String timecode, int fpsNum, int fpsDen) {
        Matcher m = TC.matcher(timecode.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timecode HH:MM:SS:FF or HH:MM:SS;FF: " + timecode);
        }
        int base = timecodeBase(fpsNum, fpsDen);
        int hh = Integer.parseInt(m.group(1));
        int mm = Integer.parseInt(m.group(2));
        int ss = Integer.parseInt(m.group(3));
        int ff = Integer.parseInt(m.group(5));
        boolean drop = m.group(4).equals(";");
        if (mm > 59 || ss > 59 || ff >= base) {
            throw new IllegalArgumentException("timecode field out of range at " + base + " fps: " + timecode);
        }
        int dropN = drop ? dropPerMinute(fpsNum, fpsDen) : 0;
        if (drop && dropN == 0) {
            throw new IllegalArgumentException("drop-frame timecode needs 30000/1001 or 60000/1001: " + timecode);
        }
        long totalMinutes = 60L * hh + mm;
        long frames = ((totalMinutes * 60) + ss) * base + ff;
        return frames - dropN * (totalMinutes - totalMinutes / 10);
    }

    /** Timecode text of a frame number, wrapping at 24 hours. */
    public static String fromFrames(long frame, int fpsNum, int fpsDen, boolean dropFrame) {
        int base = timecodeBase(fpsNum, fpsDen);
        int dropN = dropFrame ? dropPerMinute(fpsNum, fpsDen) : 0;
        if (dropFrame && dropN == 0) {
            throw new IllegalArgumentException("drop-frame needs 30000/1001 or 60000/1001, not " + fpsNum + "/" + fpsDen);
        }
        long f = frame;
        if (dropN > 0) {
            long perTenMinutes = 600L * base - 9L * dropN;
            long perMinute = 60L * base - dropN;
            long day = perTenMinutes * 6 * 24;
            f = Math.floorMod(f, day);
            long tens = f / perTenMinutes;
            long rem = f % perTenMinutes;
            f += 9L * dropN * tens + (rem > dropN ? dropN * ((rem - dropN) / perMinute) : 0);
        }
        long day = 24L * 3600 * base;
        f = Math.floorMod(f, day);
        long ff = f % base;
        long totalSeconds = f / base;
        return String.format("%02d:%02d:%02d%s%02d", totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60,
                dropFrame ? ";" : ":", ff);
    }
}
