package io.setkeeper.ui.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The station's only way to the appliance: its HTTP API (docs/api.md) with {@code java.net.http}, JSON-P for the
 * bodies, the live offload progress from Server-Sent Events. Every call blocks; view models call it off the UI
 * thread. Failures arrive as {@link ApiException} with a message in plain words.
 */
public final class ApplianceClient implements FeatureClient, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final String token;
    private final HttpClient http;

    private ApplianceClient(URI base, String token) {
        this.base = base;
        this.token = token == null ? "" : token.strip();
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A client for the appliance at {@code address} ("host:port" or "http://host:port"); does not connect yet. */
    public static ApplianceClient of(String address, String token) throws ApiException {
        return new ApplianceClient(Addresses.parse(address), token);
    }

    public URI base() {
        return base;
    }

    /** Asks whether the appliance is up and its store answers. */
    public void ready() throws ApiException {
        send(get("/observe/health/ready"), "/observe/health/ready");
    }

    public List<Production> productions() throws ApiException {
        return array("/api/productions").stream().map(v -> Wire.production(v.asJsonObject())).toList();
    }

    /** Every offload job of a production, newest first. */
    public List<OffloadJob> offloads(String production) throws ApiException {
        return array("/api/offloads?production=" + q(production)).stream()
                .map(v -> Wire.job(v.asJsonObject())).toList();
    }

    public OffloadJob offload(String id) throws ApiException {
        return Wire.job(object("/api/offloads/" + q(id)));
    }

    public OffloadReport report(String id) throws ApiException {
        return Wire.report(object("/api/offloads/" + q(id) + "/report"));
    }

    /** Starts an offload (or gets the job that already sent this card to these destinations). */
    public StartedOffload start(OffloadStart s) throws ApiException {
        JsonArrayBuilder dests = Json.createArrayBuilder();
        s.destinations().forEach(dests::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("source", s.source()).add("destinations", dests);
        s.card().ifPresent(c -> b.add("card", c));
        s.algorithm().ifPresent(a -> b.add("algorithm", a));
        s.production().ifPresent(p -> b.add("production", p));
        HttpRequest req = request("/api/offloads").timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(b.build().toString())).build();
        JsonObject o = Wire.parse(send(req, "/api/offloads")).asJsonObject();
        return new StartedOffload(Wire.job(o.getJsonObject("job")), o.getBoolean("repeat", false));
    }

    /**
     * Follows a job's progress stream until the appliance sends {@code finished}: each {@code progress} event goes
     * to {@code onProgress} on the calling thread; returns the finished job. Blocks for as long as the job runs.
     */
    public OffloadJob follow(String id, Consumer<Progress> onProgress) throws ApiException {
        String path = "/api/offloads/" + q(id) + "/events";
        HttpResponse<Stream<String>> res;
        try {
            res = http.send(request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw Errors.io(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "Stopped following job " + id + ".", e);
        }
        try (Stream<String> lines = res.body()) {
            if (res.statusCode() != 200) {
                throw Errors.status(res.statusCode(), lines.reduce("", (a, b) -> a + b), path);
            }
            SseParser parser = new SseParser();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                Optional<SseEvent> e = parser.line(it.next());
                if (e.isPresent() && e.get().name().equals("progress")) {
                    onProgress.accept(Wire.progress(Wire.parse(e.get().data()).asJsonObject()));
                } else if (e.isPresent() && e.get().name().equals("finished")) {
                    return Wire.job(Wire.parse(e.get().data()).asJsonObject());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw Errors.io(base, e.getCause());
        }
        throw new ApiException(0, "The appliance closed the progress of job " + id + " before it finished.");
    }

    /** The cards a production received. */
    public List<CardInfo> cards(String production) throws ApiException {
        return array("/api/productions/" + q(production) + "/cards").stream()
                .map(v -> Wire.card(v.asJsonObject())).toList();
    }

    /** The clips of a production. */
    public List<Clip> clips(String production) throws ApiException {
        return array("/api/clips?production=" + q(production)).stream().map(v -> Wire.clip(v.asJsonObject()))
                .toList();
    }

    /** One clip with its probe data. */
    public ClipDetail clip(long id) throws ApiException {
        return Wire.clipDetail(object("/api/clips/" + id));
    }

    @Override
    public Availability availability(Feature feature) {
        try {
            HttpResponse<String> res = http.send(get(feature.path()), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() / 100 == 2 ? new Availability.Available(feature.path())
                    : new Availability.NotAvailable("not available from this appliance yet (it answers "
                    + res.statusCode() + " on " + feature.path() + ")");
        } catch (IOException e) {
            return new Availability.NotAvailable(Errors.io(base, e).getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability.NotAvailable("not asked: the station is closing");
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private List<JsonValue> array(String path) throws ApiException {
        return Wire.parse(send(get(path), path)).asJsonArray();
    }

    private JsonObject object(String path) throws ApiException {
        return Wire.parse(send(get(path), path)).asJsonObject();
    }

    private HttpRequest get(String path) {
        return request(path).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private String send(HttpRequest req, String path) throws ApiException {
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw Errors.status(res.statusCode(), res.body(), path);
            }
            return res.body();
        } catch (IOException e) {
            throw Errors.io(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "Stopped waiting for the appliance.", e);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
