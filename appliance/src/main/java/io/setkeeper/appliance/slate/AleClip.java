package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.Timecode;
import java.util.Map;
import java.util.Optional;

/**
 * One clip (one Data line) of an Avid ALE: the columns the appliance uses, plus every other non-empty column in
 * {@link #extra()} under its column name (ASC_SOP, Camera, Shoot Date, ...), in column order.
 *
 * @param line       1-based line in the ALE
 * @param name       the clip name (Name column), empty when the column is missing or blank
 * @param start      Start timecode at the ALE's FPS; empty when missing or unreadable (then a problem says why)
 * @param end        End timecode as written (Avid writes it exclusive: Start + Duration)
 * @param sourceFile the Source File column: the camera file the clip came from
 */
public record AleClip(int line, String name, Optional<String> tape, Optional<String> scene, Optional<String> take,
                      boolean circled, Optional<String> camroll, Optional<Timecode> start, Optional<Timecode> end,
                      Optional<String> sourceFile, Map<String, String> extra) {

    public AleClip {
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** Frames from Start to End when both were read (wrapping at midnight), else empty. */
    public Optional<Long> durationFrames() {
        if (start.isEmpty() || end.isEmpty() || !start.get().rate().equals(end.get().rate())) {
            return Optional.empty();
        }
        return Optional.of(start.get().framesUntil(end.get()));
    }
}
