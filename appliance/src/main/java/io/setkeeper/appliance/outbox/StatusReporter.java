package io.setkeeper.appliance.outbox;

import io.setkeeper.protocol.messages.ApplianceStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Tells post that the box is there: enqueues an {@link ApplianceStatus} (lowest priority, shed first when the outbox
 * is full) with what waits in the outbox and the free space of the data disk. Called at start and after each
 * finished offload.
 */
public final class StatusReporter {
    private static final Logger LOG = Logger.getLogger(StatusReporter.class.getName());

    private final Outbox outbox;
    private final Path dataDir;
    private final String softwareVersion;

    public StatusReporter(Outbox outbox, Path dataDir, String softwareVersion) {
        this.outbox = outbox;
        this.dataDir = dataDir;
        this.softwareVersion = softwareVersion;
    }

    /** Builds the status from the counts; pure. */
    public static ApplianceStatus status(String state, String softwareVersion, Map<Priority, Long> pending,
                                         long diskFreeBytes) {
        long total = pending.values().stream().mapToLong(Long::longValue).sum();
        return new ApplianceStatus(state, softwareVersion, (int) Math.min(Integer.MAX_VALUE, total),
                Math.max(0, diskFreeBytes));
    }

    /** Enqueues a status in {@code state} ("started", "offload-finished", ...); never throws. */
    public void report(String state) {
        try {
            outbox.enqueue(status(state, softwareVersion, outbox.pending(), freeBytes()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot enqueue the appliance status: " + e);
        }
    }

    private long freeBytes() {
        try {
            return Files.getFileStore(Files.createDirectories(dataDir)).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
