package io.setkeeper.appliance.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An offload job as stored: one card copied to N destinations with one checksum algorithm. */
public record OffloadJob(String id, String cardId, String production, String cardLabel, Path source,
                         String algorithm, State state, List<Destination> destinations, Instant createdAt,
                         Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<String> error) {
    /** The job's life. DONE means every file verified at every destination and every MHL generation written. */
    public enum State {
        QUEUED, COPYING, VERIFYING, SEALING, DONE, FAILED;

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    /** One destination: ACTIVE while written, FAILED when it cannot take more, SEALED once its MHL is written. */
    public record Destination(int index, Path path, DestinationState state, Optional<Integer> mhlGeneration,
                              Optional<String> error) {
    }

    public enum DestinationState {
        ACTIVE, FAILED, SEALED
    }
}
