package io.setkeeper.ui.client;

import java.util.OptionalLong;

/**
 * One {@code progress} event of an offload: the phase ({@code COPYING}, {@code VERIFYING}, {@code SEALING}), files
 * and bytes done in that phase (byte counters restart with each phase), rate and the appliance's ETA if it has one.
 */
public record Progress(String jobId, String phase, int filesDone, int filesTotal, long bytesDone, long bytesTotal,
                       double fraction, long bytesPerSecond, String currentFile, OptionalLong etaSeconds) {
}
