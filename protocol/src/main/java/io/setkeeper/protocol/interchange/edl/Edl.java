package io.setkeeper.protocol.interchange.edl;

import io.setkeeper.protocol.interchange.LineIssue;
import java.util.List;
import java.util.Objects;

/**
 * A CMX3600 edit decision list: title, frame rate (nominal: 24, 25, 30 for 29.97, 60), drop-frame or not, events
 * in file order, and the lines the reader could not use (empty for lists built in code).
 */
public record Edl(String title, int fps, boolean dropFrame, List<EdlEvent> events, List<LineIssue> issues) {
    public Edl {
        title = title == null ? "" : title;
        if (fps <= 0 || fps > 120) {
            throw new IllegalArgumentException("EDL frame rate must be 1..120 fps, got " + fps);
        }
        if (dropFrame) {
            EdlTimecodes.dropPerMinute(fps);
        }
        events = List.copyOf(events);
        issues = List.copyOf(issues);
        Objects.requireNonNull(events);
    }

    /** An EDL built in code, for writing. */
    public static Edl of(String title, int fps, boolean dropFrame, List<EdlEvent> events) {
        return new Edl(title, fps, dropFrame, events, List.of());
    }

    /** A frame count of this EDL as timecode text ({@code ;} before the frames when drop-frame). */
    public String timecode(long frames) {
        return EdlTimecodes.format(frames, fps, dropFrame);
    }

    /** Timecode text to a frame count at this EDL's rate and drop-frame mode. */
    public long frames(String timecode) {
        return EdlTimecodes.parse(timecode, fps, dropFrame || EdlTimecodes.dropSeparator(timecode));
    }
}
