package io.setkeeper.appliance.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One imported part of the plan as it was sent: its kind, format, optional file name, the bytes and when.
 *
 * @param format FOUNTAIN or FDX for a screenplay, CSV for a shot list, LIST for the scenes of the day
 */
public record PlanSource(Kind kind, String format, Optional<String> fileName, byte[] content, Instant importedAt) {
    /** The parts of a plan; importing one replaces the stored one of the same kind. */
    public enum Kind { SCREENPLAY, SHOTLIST, DAY }

    public PlanSource {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(format);
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(content);
        Objects.requireNonNull(importedAt);
    }
}
