package io.setkeeper.appliance;

import io.helidon.logging.common.LogConfig;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.config.ConfigLoader;
import io.setkeeper.appliance.demo.DemoRun;
import java.time.Clock;

/** Reads the configuration and starts the appliance; with {@code setkeeper.demo.enabled} it runs the demo too. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LogConfig.configureRuntime();
        ApplianceConfig config = ApplianceConfig.from(ConfigLoader.load(args));
        Appliance appliance = Appliance.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(appliance::close, "shutdown"));
        if (config.demo().enabled()) {
            DemoRun.run(appliance);
        }
    }
}
