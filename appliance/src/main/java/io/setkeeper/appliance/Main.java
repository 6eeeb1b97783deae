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
        var raw = ConfigLoader.load(args);
        // On a Jetson the JetPack build of ONNX Runtime (CUDA, TensorRT) replaces the jar's CPU natives.
        raw.get("setkeeper.inference.onnxruntime.library-path").asString().filter(s -> !s.isBlank())
                .ifPresent(dir -> System.setProperty("onnxruntime.native.path", dir));
        ApplianceConfig config = ApplianceConfig.from(raw);
        Appliance appliance = Appliance.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(appliance::close, "shutdown"));
        if (config.demo().enabled()) {
            DemoRun.run(appliance);
        }
    }
}
