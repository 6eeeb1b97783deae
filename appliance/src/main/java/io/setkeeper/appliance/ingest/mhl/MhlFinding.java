package io.setkeeper.appliance.ingest.mhl;

/**
 * Something verification or generation writing found: a per-file {@link FileResult} or a history
 * {@link IntegrityIssue}. {@link #code()} is stable (for logs, APIs and the UI); {@link #path()} is relative to
 * the root that was checked.
 */
public sealed interface MhlFinding permits FileResult, IntegrityIssue {

    /** A stable machine-readable code, e.g. {@code MHL_FILE_HASH_MISMATCH}. */
    String code();

    /** The file, manifest or chain concerned, relative to the checked root ('/'-separated). */
    String path();

    /** Whether this finding means the media or its history cannot be trusted. */
    boolean failure();
}
