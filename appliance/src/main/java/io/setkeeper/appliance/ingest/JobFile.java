package io.setkeeper.appliance.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * One card file within a job: its source checksum once copied, and each destination copy's state.
 * A copy is {@link CopyState#VERIFIED} only when it was read back and matched {@code sourceHash}.
 */
public record JobFile(CardFile file, Optional<String> sourceHash, FileState state, Optional<String> error,
                      Map<Integer, Copy> copies) {
    public enum FileState {
        PENDING, COPIED, VERIFIED, FAILED
    }

    public enum CopyState {
        PENDING, COPIED, VERIFIED, FAILED
    }

    /** One destination's copy of the file. */
    public record Copy(int destination, CopyState state, Optional<String> hash, Optional<String> error) {
    }

    public boolean verifiedEverywhere(Iterable<Integer> destinations) {
        for (int d : destinations) {
            Copy c = copies.get(d);
            if (c == null || c.state() != CopyState.VERIFIED) {
                return false;
            }
        }
        return true;
    }
}
