package io.setkeeper.appliance.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's correction, learned from immediately and never overwritten by the machine.
 *
 * @param kind   CHARACTER: person {@code person} of {@code clip} is {@code value}; SETUP: {@code clip} was shot
 *               in setup {@code value} (the slate was wrong); NAME: cluster {@code person} is character {@code value}
 * @param by     who said so
 */
public record Correction(Kind kind, String clip, int person, String value, String by, Instant at) {
    public Correction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (value.isBlank() || by.isBlank()) {
            throw new IllegalArgumentException("a correction needs a value and who made it");
        }
    }

    /** What was corrected. */
    public enum Kind { CHARACTER, SETUP, NAME }
}
