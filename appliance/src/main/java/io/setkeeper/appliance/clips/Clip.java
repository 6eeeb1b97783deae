package io.setkeeper.appliance.clips;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A media file of a verified card: where it is, what probing found (as the stored JSON document and the key
 * fields), its name parts and its merged slate. {@code status} is PROBED or FAILED (with {@code error}).
 */
public record Clip(long id, String production, String cardId, String relPath, String fileName, Path mediaPath,
                   String kind, Status status, Optional<String> error, Optional<String> camera, Optional<String> roll,
                   Optional<String> clipNumber, Optional<String> startTimecode, Optional<String> fps,
                   Optional<Integer> width, Optional<Integer> height, Optional<Double> durationSeconds, Slate slate,
                   String probeJson, Instant createdAt) {
    /** A clip's registration state. */
    public enum Status {
        PROBED, FAILED
    }
}
