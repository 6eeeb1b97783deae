package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/** The per-job report: counts, and per file its state, source hash and the error if any. */
public record OffloadReport(OffloadJob job, int files, int verified, int failed, long bytes, List<FileLine> lines) {
    public OffloadReport {
        lines = List.copyOf(lines);
    }

    /** One file of the report. */
    public record FileLine(String path, long size, String state, Optional<String> sourceHash, Optional<String> error) {
    }
}
