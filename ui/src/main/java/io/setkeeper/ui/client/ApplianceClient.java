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
public final class ApplianceClient implements AutoCloseable {
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
        Optional<SseEvent> finished = events("/api/offloads/" + q(id) + "/events",
                "Stopped following job " + id + ".", e -> {
                    if (e.name().equals("progress")) {
                        onProgress.accept(Wire.progress(Wire.parse(e.data()).asJsonObject()));
                    }
                    return e.name().equals("finished");
                });
        return Wire.job(Wire.parse(finished.orElseThrow(() -> new ApiException(0,
                "The appliance closed the progress of job " + id + " before it finished.")).data()).asJsonObject());
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

    /** The QC findings of a production (every clip's), for the Dailies badges. */
    public List<Finding> findings(String production) throws ApiException {
        return array("/api/findings?production=" + q(production)).stream()
                .map(v -> AnalysisJson.finding(v.asJsonObject())).toList();
    }

    /** One clip's QC findings; empty while it has no analysis. */
    public List<Finding> findings(long clip) throws ApiException {
        return optional("/api/clips/" + clip + "/findings")
                .map(j -> j.asJsonArray().stream().map(v -> AnalysisJson.finding(v.asJsonObject())).toList())
                .orElse(List.of());
    }

    /** A clip's analysis, or empty when the appliance has none for it. */
    public Optional<ClipAnalysis> analysis(long clip) throws ApiException {
        return optional("/api/clips/" + clip + "/analysis").map(j -> AnalysisJson.analysis(j.asJsonObject()));
    }

    /** A clip's still ({@code representative.jpg}, {@code contact-sheet.jpg}, {@code frame-<n>.jpg}), or empty. */
    public Optional<byte[]> still(long clip, String name) throws ApiException {
        return image("/api/clips/" + clip + "/stills/" + q(name));
    }

    /** An image the appliance serves under {@code /api/} (a finding's or a fix's evidence), or empty on 404. */
    public Optional<byte[]> image(String path) throws ApiException {
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> res = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() == 404) {
                return Optional.empty();
            }
            if (res.statusCode() / 100 != 2) {
                throw Errors.status(res.statusCode(), new String(res.body(), StandardCharsets.UTF_8), path);
            }
            return Optional.of(res.body());
        } catch (IOException e) {
            throw Errors.io(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "Stopped waiting for the appliance.", e);
        }
    }

    /** The production model's reading of a clip (by file name), or empty when the model has not learned it. */
    public Optional<Prediction> prediction(String clip) throws ApiException {
        return optional("/api/model/predictions/" + q(clip)).map(j -> AnalysisJson.prediction(j.asJsonObject()));
    }

    /** Every learned clip's prediction. */
    public List<Prediction> predictions() throws ApiException {
        return array("/api/model/predictions").stream().map(v -> AnalysisJson.prediction(v.asJsonObject())).toList();
    }

    /** The proposed fixes with their status and decision. */
    public List<FixInfo> fixes() throws ApiException {
        return array("/api/fixes").stream().map(v -> ReviewJson.fix(v.asJsonObject())).toList();
    }

    /** Records a decision ({@code APPROVE}, {@code REJECT}, {@code ACCEPT_AS_INTENT}) with a reason. */
    public AuditRecord decide(String subjectType, String subjectId, String decision, String reason)
            throws ApiException {
        String body = Json.createObjectBuilder().add("subjectType", subjectType).add("subjectId", subjectId)
                .add("decision", decision).add("reason", reason).build().toString();
        return ReviewJson.audit(Wire.parse(send(post("/api/decisions", body), "/api/decisions")).asJsonObject());
    }

    /** The audit log in order. */
    public List<AuditRecord> audit() throws ApiException {
        return array("/api/audit").stream().map(v -> ReviewJson.audit(v.asJsonObject())).toList();
    }

    /** Who this station's token belongs to; empty without a token or when the appliance does not know it. */
    public Optional<Me> me() throws ApiException {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReviewJson.me(object("/api/users/me")));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public ModelState model() throws ApiException {
        return ReviewJson.model(object("/api/model"));
    }

    public List<ModelVersionInfo> modelVersions() throws ApiException {
        return array("/api/model/versions").stream().map(v -> ReviewJson.version(v.asJsonObject())).toList();
    }

    /** Cuts a version of the live model with a reason. */
    public ModelVersionInfo cutVersion(String reason) throws ApiException {
        String body = Json.createObjectBuilder().add("reason", reason).build().toString();
        return ReviewJson.version(Wire.parse(send(post("/api/model/versions", body), "/api/model/versions"))
                .asJsonObject());
    }

    /** The outbox: queued, published, confirmed, dropped; empty when the appliance does not serve it. */
    public Optional<SyncState> sync() throws ApiException {
        return optional("/api/sync").map(j -> ReviewJson.sync(j.asJsonObject()));
    }

    /** Every flag of the production, oldest first ({@code GET /api/flags}). */
    public List<FlagInfo> flags() throws ApiException {
        return FlagJson.flags(send(get("/api/flags"), "/api/flags"));
    }

    /** One flag with its decision once decided ({@code GET /api/flags/{id}}); empty for an unknown id. */
    public Optional<FlagInfo> flag(String id) throws ApiException {
        return optional("/api/flags/" + q(id)).map(j -> FlagJson.flag(j.toString()));
    }

    /** The coverage board ({@code GET /api/coverage}), for the stored day. */
    public CoverageBoard coverage() throws ApiException {
        return CoverageJson.board(object("/api/coverage"));
    }

    /** The address of the before-wrap report ({@code html} or {@code pdf}) for a browser or a download. */
    public URI beforeWrapReport(String format) {
        return base.resolve("/api/reports/before-wrap." + format);
    }

    /**
     * Asks for a fix proposal for a clip ({@code POST /api/clips/{id}/fixes}, e.g. {@code {"kind":"reframe",
     * "aspect":"9:16"}}): the appliance reads the clip and answers with the proposed fix. Takes seconds.
     */
    public FixInfo proposeFix(long clip, String requestJson) throws ApiException {
        String path = "/api/clips/" + clip + "/fixes";
        HttpRequest req = request(path).timeout(java.time.Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson)).build();
        return ReviewJson.fix(Wire.parse(send(req, path)).asJsonObject());
    }

    /**
     * Follows the flags stream ({@code /api/flags/events}): every {@code raised} or {@code decided} event's flag
     * goes to {@code onFlag} on the calling thread, until the stream ends (returns) or fails (throws). Blocks.
     */
    public void followFlags(Consumer<FlagInfo> onFlag) throws ApiException {
        events("/api/flags/events", "Stopped following the flags.", e -> {
            if (e.data().strip().startsWith("{")) {
                onFlag.accept(FlagJson.flag(e.data()));
            }
            return false;
        });
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private List<JsonValue> array(String path) throws ApiException {
        return Wire.parse(send(get(path), path)).asJsonArray();
    }

    /** The answer's JSON, or empty when the appliance answers 404 (a feature it does not serve, a missing record). */
    private Optional<jakarta.json.JsonStructure> optional(String path) throws ApiException {
        try {
            return Optional.of(Wire.parse(send(get(path), path)));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads a Server-Sent Events stream, each event to {@code until}, up to the first event it answers true for
     * (returned) or the end of the stream (empty). {@code stopped} is the words when the wait is interrupted.
     */
    private Optional<SseEvent> events(String path, String stopped, java.util.function.Predicate<SseEvent> until)
            throws ApiException {
        HttpResponse<Stream<String>> res;
        try {
            res = http.send(request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw Errors.io(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, stopped, e);
        }
        try (Stream<String> lines = res.body()) {
            if (res.statusCode() != 200) {
                throw Errors.status(res.statusCode(), lines.reduce("", (a, b) -> a + b), path);
            }
            SseParser parser = new SseParser();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                Optional<SseEvent> e = parser.line(it.next());
                if (e.isPresent() && until.test(e.get())) {
                    return e;
                }
            }
            return Optional.empty();
        } catch (java.io.UncheckedIOException e) {
            throw Errors.io(base, e.getCause());
        }
    }

    private HttpRequest post(String path, String json) {
        return request(path).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
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
