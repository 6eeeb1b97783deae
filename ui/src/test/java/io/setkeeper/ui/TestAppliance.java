package io.setkeeper.ui;

import io.setkeeper.appliance.Appliance;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.demo.SampleCard;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A real appliance for the station's tests: started in this JVM on a free port with a real H2 file under a
 * temporary folder (test scope only: the station's own code never sees the appliance classes).
 */
public final class TestAppliance implements AutoCloseable {
    public static final String PRODUCTION = "signing-room";

    private final Appliance appliance;

    public TestAppliance(Path dataDir) {
        this(dataDir, 0);
    }

    /** On a given port (0: any free one), e.g. to restart an appliance where the station knows it. */
    public TestAppliance(Path dataDir, int port) {
        this.appliance = Appliance.start(new ApplianceConfig(PRODUCTION, "cart-ui-test", dataDir,
                new ApplianceConfig.Http("127.0.0.1", port), new ApplianceConfig.Offload("xxh64", 256, 1),
                new ApplianceConfig.Demo(false, Optional.empty())), Clock.systemUTC());
    }

    /** "127.0.0.1:port", as a person would type it. */
    public String address() {
        return "127.0.0.1:" + appliance.port();
    }

    public int port() {
        return appliance.port();
    }

    /** A real sample card (three ProRes clips with timecode and an ALE) written under {@code parent}. */
    public static Path sampleCard(Path parent) throws IOException {
        return SampleCard.generate(parent);
    }

    /** A port nobody listens on (it was free a moment ago). */
    public static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        appliance.close();
    }
}
