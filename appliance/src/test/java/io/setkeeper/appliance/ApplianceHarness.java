package io.setkeeper.appliance;

import io.setkeeper.appliance.config.ApplianceConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Starts a real appliance on a free port with a real H2 file, and talks to it over real HTTP. */
public final class ApplianceHarness implements AutoCloseable {
    private final Appliance appliance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient client() {
        return http;
    }

    @Override
    public void close() {
        appliance.close();
    }
}
