package io.setkeeper.appliance.ingest;

import java.util.OptionalLong;

/** A snapshot of a running job for progress bars: files and bytes done, current rate and time left. */
public record OffloadProgress(String jobId, OffloadJob.State phase, int filesDone, int filesTotal, long bytesDone,
                              long bytesTotal, double bytesPerSecond, OptionalLong etaSeconds, String currentFile) {
    public double fraction() {
        return bytesTotal == 0 ? 1.0 : Math.min(1.0, (double) bytesDone / bytesTotal);
    }
}
