package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/**
 * An offload job as the appliance reports it: state ({@code QUEUED}, {@code COPYING}, {@code VERIFYING},
 * {@code SEALING}, {@code DONE}, {@code FAILED}), its destinations and, while it runs, its last progress.
 */
public record OffloadJob(String id, String production, String cardLabel, String source, String algorithm,
                         String state, List<Destination> destinations, Optional<String> error,
                         Optional<Progress> progress) {
    public OffloadJob {
        destinations = List.copyOf(destinations);
    }

    /** One destination of a job: path, state ({@code ACTIVE}, {@code FAILED}, {@code SEALED}), ASC MHL generation. */
    public record Destination(int index, String path, String state, Optional<Integer> mhlGeneration,
                              Optional<String> error) {
    }

    /** Whether the job will not change any more. */
    public boolean finished() {
        return state.equals("DONE") || state.equals("FAILED");
    }
}
