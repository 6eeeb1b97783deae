package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.setkeeper.appliance.flags.Flag;
import io.setkeeper.appliance.flags.FlagEvents;
import io.setkeeper.appliance.flags.FlagService;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Continuity and coverage flags: {@code GET /api/flags} (filters {@code scene}, {@code clip} (name or id),
 * {@code state} (OPEN, RESOLVED or a decision), {@code family} (continuity, coverage)),
 * {@code GET /api/flags/{id}}, {@code GET /api/flags/{id}/evidence/{name}} (PNG) and the live stream
 * {@code GET /api/flags/events} (SSE: {@code raised}, {@code resolved} and {@code decided} events; {@code ?limit=n} ends the stream
 * after n events). Decisions go through {@code POST /api/decisions} with {@code subjectType FLAG}.
 */
public final class FlagRoutes implements HttpService {
    private final FlagService flags;

    public FlagRoutes(FlagService flags) {
        this.flags = flags;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).get("/events", this::events).get("/{id}", this::one)
                .get("/{id}/evidence/{name}", this::evidence);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<String> scene = req.query().first("scene").asOptional();
        Optional<String> clip = req.query().first("clip").asOptional();
        Optional<String> state = req.query().first("state").asOptional();
        Optional<String> family = req.query().first("family").asOptional();
        JsonArrayBuilder arr = Json.createArrayBuilder();
        for (Flag f : flags.flags()) {
            String st = flags.state(f);
            if (scene.isPresent() && !scene.get().equals(f.scene())
                    || clip.isPresent() && !f.clips().contains(clip.get())
                    && !f.clipIds().stream().map(String::valueOf).toList().contains(clip.get())
                    || state.isPresent() && !state.get().equalsIgnoreCase(st)
                    || family.isPresent() && !family.get().equalsIgnoreCase(family(f))) {
                continue;
            }
            arr.add(json(f, st));
        }
        res.send(arr.build());
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        flags.flag(id).ifPresentOrElse(f -> {
            JsonObjectBuilder b = Json.createObjectBuilder(json(f, flags.state(f)));
            flags.decision(id).ifPresent(d -> b.add("decision", Json.createObjectBuilder().add("id", d.id())
                    .add("decision", d.decision().name()).add("decidedBy", d.decidedBy()).add("role", d.role().name())
                    .add("decidedAt", d.decidedAt().toString()).add("reason", d.reason())));
            res.send(b.build());
        }, () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no flag " + id)));
    }

    private void evidence(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        String name = req.path().pathParameters().get("name");
        Optional<Flag> flag = flags.flag(id);
        if (flag.isEmpty() || !FlagService.EVIDENCE_NAME.matcher(name).matches() || !flag.get().evidence().contains(name)) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no evidence " + name + " for flag " + id));
            return;
        }
        Path file = flags.evidence(id, name);
        try {
            byte[] png = Files.readAllBytes(file);
            res.header(HeaderNames.CONTENT_TYPE, "image/png").send(png);
        } catch (IOException e) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("evidence file missing: " + name));
        }
    }

    private void events(ServerRequest req, ServerResponse res) throws Exception {
        int limit = req.query().first("limit").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
        BlockingQueue<FlagEvents.Event> queue = new LinkedBlockingQueue<>();
        try (AutoCloseable follow = flags.events().follow(queue::add); SseSink sink = res.sink(SseSink.TYPE)) {
            int sent = 0;
            while (sent < limit) {
                FlagEvents.Event e = queue.poll(15, TimeUnit.SECONDS);
                if (e == null) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    continue;
                }
                sink.emit(SseEvent.builder().name(e.type()).data(json(e.flag(), e.state()).toString()).build());
                sent++;
            }
        } catch (UncheckedIOException e) {
            // the client went away
        }
    }

    private static String family(Flag f) {
        return f.coverage() ? "coverage" : "continuity";
    }

    static JsonObject json(Flag f, String state) {
        JsonArrayBuilder clips = Json.createArrayBuilder();
        f.clips().forEach(clips::add);
        JsonArrayBuilder ids = Json.createArrayBuilder();
        f.clipIds().forEach(ids::add);
        JsonObjectBuilder numbers = Json.createObjectBuilder();
        new java.util.TreeMap<>(f.numbers()).forEach(numbers::add);
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        f.evidence().forEach(n -> evidence.add("/api/flags/" + f.id() + "/evidence/" + n));
        JsonObjectBuilder b = Json.createObjectBuilder().add("schema", "setkeeper.flag").add("version", 1)
                .add("id", f.id()).add("kind", f.kind()).add("family", family(f)).add("state", state)
                .add("clips", clips)
                .add("clipIds", ids).add("subject", f.subject()).add("summary", f.summary()).add("numbers", numbers)
                .add("evidence", evidence).add("raisedAt", f.raisedAt().toString())
                .add("seenAt", f.seenAt().toString());
        if (f.resolved()) {
            b.add("resolvedAt", f.resolvedAt().toString()).add("resolution", f.resolution());
        }
        if (f.scene() != null) {
            b.add("scene", f.scene());
        }
        if (f.setup() != null) {
            b.add("setup", f.setup());
        }
        if (f.region() != null) {
            JsonArrayBuilder r = Json.createArrayBuilder();
            for (double v : f.region()) {
                r.add(Math.round(v * 1000) / 1000.0);
            }
            b.add("region", r);
        }
        return b.build();
    }
}
