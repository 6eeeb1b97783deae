package io.setkeeper.sync;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

import java.time.Clock;

/** Starts a sync-service from application.yaml (override with -Dsync.mqtt.uri=... etc.). Only wiring. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        SyncService service = SyncService.start(SyncConfig.from(Config.create()), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "sync-shutdown"));
    }
}
