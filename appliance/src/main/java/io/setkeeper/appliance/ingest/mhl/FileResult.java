package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.util.Objects;

/**
 * The outcome for one file.
 *
 * @param path      relative to the checked root, '/'-separated, as on disk (or as recorded, for MISSING)
 * @param algorithm the algorithm compared; null for MISSING, NEW and UNREADABLE
 * @param expected  the recorded hash; null when there is none
 * @param actual    the hash computed now; null when none was computed
 * @param detail    a human-readable explanation (e.g. the I/O error); never null
 */
public record FileResult(String path, FileStatus status, HashAlgorithm algorithm, String expected, String actual,
                         String detail) implements MhlFinding {
    public FileResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String code() {
        return status.code();
    }

    @Override
    public boolean failure() {
        return status.failure();
    }
}
