package io.setkeeper.appliance.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.setkeeper.appliance.store.Database;
import java.io.IOException;
import java.nio.file.Files;

/** Readiness: the H2 file answers, with the file's path and size as details. */
public final class StoreHealthCheck implements HealthCheck {
    private final Database db;

    public StoreHealthCheck(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = db.ping();
        long size;
        try {
            size = Files.size(db.file());
        } catch (IOException e) {
            size = -1;
        }
        return HealthCheckResponse.builder().status(up).detail("file", db.file().toString())
                .detail("bytes", size).build();
    }
}
