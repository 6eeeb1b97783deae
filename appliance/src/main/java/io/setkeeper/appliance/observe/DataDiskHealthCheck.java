package io.setkeeper.appliance.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.io.File;
import java.nio.file.Path;

/**
 * Readiness: the data folder (H2 file, reports, stills) has at least 1 GiB free. Uses the folder's own usable
 * space, which works in a minimal container where the mount table is not visible.
 */
public final class DataDiskHealthCheck implements HealthCheck {
    static final long MIN_FREE_BYTES = 1L << 30;

    private final Path dataDir;

    public DataDiskHealthCheck(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public String name() {
        return "dataDisk";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        File dir = dataDir.toAbsolutePath().toFile();
        long free = dir.getUsableSpace();
        long total = dir.getTotalSpace();
        return HealthCheckResponse.builder().status(free >= MIN_FREE_BYTES).detail("path", dir.toString())
                .detail("freeBytes", free).detail("totalBytes", total).build();
    }
}
