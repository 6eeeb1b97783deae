package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.OffloadProgress;
import io.setkeeper.appliance.ingest.OffloadRequest;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.store.JobStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Offload jobs: {@code POST /api/offloads} starts one, {@code GET /api/offloads/{id}/events} streams its progress
 * (SSE, event {@code progress}, ending with the final state), {@code GET /api/offloads/{id}/report} is the report.
 */
final class OffloadRoutes implements HttpService {
    private final OffloadService offloads;
    private final JobStore jobs;
    private final String production;

    OffloadRoutes(OffloadService offloads, JobStore jobs, String production) {
        this.offloads = offloads;
        this.jobs = jobs;
        this.production = production;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::start)
                .get("/", this::list)
                .get("/{id}", this::one)
                .get("/{id}/report", this::report)
                .get("/{id}/events", this::events);
    }

    private void start(ServerRequest req, ServerResponse res) {
        JsonObject body;
        try {
            body = req.content().as(JsonObject.class);
        } catch (RuntimeException e) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error("body must be a JSON object"));
            return;
        }
        try {
            if (!body.containsKey("source") || !body.containsKey("destinations")) {
                throw new IllegalArgumentException("'source' and 'destinations' are required");
            }
            List<Path> dests = body.getJsonArray("destinations").getValuesAs(JsonString.class).stream()
                    .map(s -> Path.of(s.getString())).toList();
            OffloadRequest request = new OffloadRequest(body.getString("production", production),
                    Optional.ofNullable(body.getString("card", null)), Path.of(body.getString("source")), dests,
                    Optional.ofNullable(body.getString("algorithm", null)));
            OffloadService.Started started = offloads.start(request);
            res.status(started.repeat() ? Status.OK_200 : Status.ACCEPTED_202).send(Json.createObjectBuilder()
                    .add("repeat", started.repeat()).add("job", JsonViews.job(started.job(), Optional.empty()))
                    .build());
        } catch (IllegalArgumentException | ClassCastException | IOException e) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error(e.getMessage()));
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        String p = req.query().first("production").orElse(production);
        JsonArrayBuilder arr = Json.createArrayBuilder();
        jobs.all(p).forEach(j -> arr.add(JsonViews.job(j, offloads.progress().last(j.id()))));
        res.send(arr.build());
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        jobs.job(id).ifPresentOrElse(j -> res.send(JsonViews.job(j, offloads.progress().last(id))),
                () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no offload job " + id)));
    }

    private void report(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        jobs.job(id).ifPresentOrElse(j -> res.send(JsonViews.report(j, jobs.files(id))),
                () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no offload job " + id)));
    }

    private void events(ServerRequest req, ServerResponse res) throws Exception {
        String id = req.path().pathParameters().get("id");
        Optional<OffloadJob> job = jobs.job(id);
        if (job.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no offload job " + id));
            return;
        }
        BlockingQueue<OffloadProgress> queue = new LinkedBlockingQueue<>();
        try (AutoCloseable follow = offloads.progress().follow(p -> {
            if (p.jobId().equals(id)) {
                queue.add(p);
            }
        }); SseSink sink = res.sink(SseSink.TYPE)) {
            offloads.progress().last(id).ifPresent(queue::add);
            while (true) {
                OffloadProgress p = queue.poll(2, TimeUnit.SECONDS);
                if (p != null) {
                    sink.emit(SseEvent.builder().name("progress").data(JsonViews.progress(p).toString()).build());
                }
                OffloadJob now = jobs.job(id).orElseThrow();
                if (now.state().finished() && queue.isEmpty()) {
                    sink.emit(SseEvent.builder().name("finished")
                            .data(JsonViews.job(now, Optional.empty()).toString()).build());
                    return;
                }
            }
        }
    }
}
