package io.setkeeper.appliance.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A start timecode as the file states it, "HH:MM:SS:FF", with ';' before the frames when drop-frame.
 *
 * @param text      the timecode text, normalised to two digits per field
 * @param dropFrame true when the file marks it drop-frame (';' or '.' before the frames, FFmpeg's convention)
 * @param source    where it was found: {@code video-stream}, {@code container} or {@code timecode-track}
 */
public record Timecode(String text, boolean dropFrame, String source) {

    private static final Pattern TC = Pattern.compile("(\\d{1,2})[:;.](\\d{2})[:;.](\\d{2})([:;.])(\\d{2,3})");

    /** Parses FFmpeg's timecode text; returns null when it is not a timecode. */
    public static Timecode parse(String raw, String source) {
        if (raw == null) {
            return null;
        }
        Matcher m = TC.matcher(raw.strip());
        if (!m.matches()) {
            return null;
        }
        boolean drop = !m.group(4).equals(":");
        String text = String.format("%02d:%02d:%02d%s%02d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), drop ? ";" : ":", Integer.parseInt(m.group(5)));
        return new Timecode(text, drop, source);
    }
}
