package io.setkeeper.protocol.interchange.otio;

import java.util.Objects;

/** OTIO's {@code TimeRange.1}: a start time and a duration. */
public record TimeRange(RationalTime startTime, RationalTime duration) {
    public TimeRange {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
    }

    /** Frames {@code start} to {@code start + length} at {@code rate}. */
    public static TimeRange frames(double start, double length, double rate) {
        return new TimeRange(new RationalTime(start, rate), new RationalTime(length, rate));
    }
}
