package io.setkeeper.appliance.ingest.mhl;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result of checking a folder against its ASC MHL history.
 *
 * @param files  one result per file on disk or in the history, in tree order (missing files last)
 * @param issues problems with the chain, manifests or references
 */
public record VerificationReport(Path root, List<FileResult> files, List<IntegrityIssue> issues) {
    public VerificationReport {
        files = List.copyOf(files);
        issues = List.copyOf(issues);
    }

    /** Every finding that is a failure (file or integrity). */
    public List<MhlFinding> failures() {
        return Stream.<MhlFinding>concat(files.stream(), issues.stream()).filter(MhlFinding::failure).toList();
    }

    /** True when nothing failed: every recorded file is there and matches, and the history is intact. */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** The files with a given status. */
    public List<FileResult> withStatus(FileStatus status) {
        return files.stream().filter(f -> f.status() == status).toList();
    }
}
