package io.setkeeper.ui;

import io.setkeeper.appliance.Appliance;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.continuity.Background;
import io.setkeeper.appliance.continuity.ClipFacts;
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

    /** The appliance's approval gate (propose fixes, read the audit log as the appliance keeps it). */
    public io.setkeeper.appliance.review.ReviewService review() {
        return appliance.review();
    }

    /**
     * Raises a real continuity flag through the appliance's own flag service (the real asl takes raise none): the
     * facts of two takes of setup 9A, built here, whose files state different frame rates (25 and 30). The service
     * runs its checks, writes the side-by-side evidence, stores the flag and emits the {@code raised} event.
     * Returns the ids of the flags raised.
     */
    public java.util.List<String> raiseFrameRateMismatch() throws IOException {
        float[] lab = new float[3 * Background.W * Background.H];
        for (int y = 0; y < Background.H; y++) {
            for (int x = 0; x < Background.W; x++) {
                int i = 3 * (y * Background.W + x);
                lab[i] = 20f + 60f * x / Background.W + 10f * y / Background.H;
                lab[i + 1] = 5f * (y % 7);
                lab[i + 2] = -4f * (x % 5);
            }
        }
        Background room = new Background(lab);
        java.util.List<String> raised = new java.util.ArrayList<>();
        for (int take = 1; take <= 2; take++) {
            ClipFacts facts = new ClipFacts(9000 + take, "A009C00" + take + ".mov", "9", "9A", Integer.toString(take),
                    new ClipFacts.Camera("A", take == 1 ? 25.0 : 30.0, 1920, 1080, "SDR", java.util.Map.of()), null,
                    room, java.util.List.of(), java.util.List.of(), java.util.List.of(), null);
            appliance.flags().record(facts).forEach(f -> raised.add(f.id()));
        }
        return raised;
    }

    /** A user of the appliance with a role; returns the token the station connects with. */
    public String token(String name, String role) {
        return appliance.users().create(name, io.setkeeper.appliance.review.Role.parse(role)).token();
    }

    /**
     * A card of real clips: the named files of the shared footage's {@code asl} folder and the production's
     * {@code A001.ale} (the card's own sidecar: scene and take per clip), copied to {@code parent/A001}.
     */
    public static Path realCard(Path parent, String... clips) throws IOException {
        Path data = Path.of(System.getenv().getOrDefault("SETKEEPER_DATA", "/work/shared/data"));
        Path card = parent.resolve("A001");
        java.nio.file.Files.createDirectories(card);
        for (String c : clips) {
            java.nio.file.Files.copy(data.resolve("footage/asl").resolve(c), card.resolve(c));
        }
        java.nio.file.Files.copy(data.resolve("production/A001.ale"), card.resolve("A001.ale"));
        return card;
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
