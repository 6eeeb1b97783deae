package io.setkeeper.appliance.review;

import java.time.Instant;

/** A fix as proposed: who proposed it (a user or the machine), when, and by which model version if any. */
public record ProposedFix(Fix fix, String proposedBy, Instant proposedAt, String modelVersion) {
}
