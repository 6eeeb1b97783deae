package io.setkeeper.appliance.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Where an offload writes down what it has proven, as it goes, so that a restart resumes instead of starting
 * over. Every call is durable when it returns. The H2 implementation lives in the store package.
 */
public interface OffloadJournal {
    Optional<OffloadJob> job(String jobId);

    List<JobFile> files(String jobId);

    void jobState(String jobId, OffloadJob.State state, Optional<String> error);

    void destinationFailed(String jobId, int destination, String error);

    void destinationSealed(String jobId, int destination, int generation);

    /** The source was read whole: its checksum, and the destinations whose copy was written and synced. */
    void fileCopied(String jobId, String relPath, String sourceHash, List<Integer> written);

    void fileFailed(String jobId, String relPath, String error);

    /** The copy was read back and matched. */
    void copyVerified(String jobId, String relPath, int destination, String hash);

    void copyFailed(String jobId, String relPath, int destination, String error, Optional<String> hash);
}
