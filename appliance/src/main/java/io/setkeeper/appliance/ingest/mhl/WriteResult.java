package io.setkeeper.appliance.ingest.mhl;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@link MhlGenerationWriter} did.
 *
 * @param generations    the manifests written, nested histories first, the root's last
 * @param files          per file: ORIGINAL (first record), VERIFIED, FAILED (differs from the history), MISSING
 *                       (recorded or given but not on disk), UNREADABLE
 * @param issues         integrity issues of the existing history found while reading it
 * @param hashedByWriter files whose hashes the caller did not supply (fully or for an algorithm the history
 *                       needs), which the writer therefore read itself
 */
public record WriteResult(List<Written> generations, List<FileResult> files, List<IntegrityIssue> issues,
                          List<String> hashedByWriter) {

    /** One manifest written: its file and its chain entry (sequence, name, C4). */
    public record Written(Path manifest, MhlChainEntry chainEntry) {
    }

    public WriteResult {
        generations = List.copyOf(generations);
        files = List.copyOf(files);
        issues = List.copyOf(issues);
        hashedByWriter = List.copyOf(hashedByWriter);
    }

    /** Every failure (file or integrity). */
    public List<MhlFinding> failures() {
        return Stream.<MhlFinding>concat(files.stream(), issues.stream()).filter(MhlFinding::failure).toList();
    }

    /** True when every file matched its history (or was new) and the existing history was intact. */
    public boolean passed() {
        return failures().isEmpty();
    }
}
