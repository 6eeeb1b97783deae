package io.setkeeper.appliance;

import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.review.Role;
import io.setkeeper.appliance.review.UserService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Starts a real appliance on a free port with a real H2 file, and talks to it over real HTTP. */
public final class ApplianceHarness implements AutoCloseable {
    private final Appliance appliance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String ditToken;

    public ApplianceHarness(Path dataDir) {
        this(config(dataDir, 0));
    }

    public ApplianceHarness(ApplianceConfig config) {
        this.appliance = Appliance.start(config, Clock.systemUTC());
    }

    public static ApplianceConfig config(Path dataDir, int port) {
        return new ApplianceConfig("signing-room", "cart-test", dataDir, new ApplianceConfig.Http("127.0.0.1", port),
                new ApplianceConfig.Offload("xxh64", 256, 1), new ApplianceConfig.Demo(false, Optional.empty()));
    }

    public Appliance appliance() {
        return appliance;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + appliance.port() + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON as the harness's DIT user (every write under /api needs a token with a role that may). */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, ditToken());
    }

    /** POSTs JSON with this bearer token, or none when {@code token} is null. */
    public HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request builder for {@code path} carrying the harness DIT's token. */
    public HttpRequest.Builder request(String path) {
        return authorized(HttpRequest.newBuilder(uri(path)), ditToken());
    }

    /** The token of a DIT user the harness creates on first use (the role that offloads, imports and corrects). */
    public synchronized String ditToken() {
        if (ditToken == null) {
            ditToken = token(Role.DIT);
        }
        return ditToken;
    }

    /**
     * A new user with this role and its token, created directly through the user service; named after the role and
     * numbered past the users already there (also after a restart on the same data).
     */
    public String token(Role role) {
        return appliance.users().create("harness " + role.name().toLowerCase(Locale.ROOT) + " "
                + (appliance.users().users().size() + 1), role).token();
    }

    /** The bootstrap admin token the appliance wrote to {@code <data>/admin-token} at first start. */
    public String adminToken() throws IOException {
        return Files.readString(appliance.config().dataDir().resolve(UserService.ADMIN_TOKEN_FILE)).strip();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public HttpClient client() {
        return http;
    }

    @Override
    public void close() {
        appliance.close();
    }
}
