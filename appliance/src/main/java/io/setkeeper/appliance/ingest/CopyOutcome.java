package io.setkeeper.appliance.ingest;

import java.util.Map;

/**
 * The result of copying one source file: the source's checksum (computed while reading it once) and what
 * happened at each destination, by destination index. A copy here is written and synced, not yet verified.
 */
public sealed interface CopyOutcome {
    /** The source was read whole and unchanged; destinations that failed are listed with their reason. */
    record Copied(String sourceHash, Map<Integer, String> failedDestinations) implements CopyOutcome {
    }

    /** The source could not be copied at all (vanished, changed while copying, unreadable). */
    record SourceFailed(FailureCode code, String message) implements CopyOutcome {
    }

    /** Stable failure codes, shown to the DIT and kept in reports. */
    enum FailureCode {
        SOURCE_VANISHED, SOURCE_CHANGED, SOURCE_UNREADABLE, DESTINATION_WRITE_FAILED, DESTINATION_FULL,
        HASH_MISMATCH, DESTINATION_MISSING
    }
}
