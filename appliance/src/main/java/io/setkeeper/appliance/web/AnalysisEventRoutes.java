package io.setkeeper.appliance.web;

import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.setkeeper.appliance.analysis.AnalysisService;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Live analysis progress: {@code GET /api/analysis/events} (SSE) sends {@code queued}, {@code started},
 * {@code progress} (frames done, expected, percent), {@code done} and {@code failed} events for every clip;
 * {@code ?clip=ID} follows one clip and ends after its {@code done} or {@code failed}. The stream opens with a
 * {@code ready} event; a {@code keepalive} event every 15 s keeps it alive; it ends when the client goes away.
 */
final class AnalysisEventRoutes implements HttpService {
    private static final long KEEPALIVE_SECONDS = 15;

    private final AnalysisService analysis;

    AnalysisEventRoutes(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/events", this::events);
    }

    /** The SSE event name of a progress report. */
    static String name(AnalysisService.Progress p) {
        return switch (p.state()) {
            case QUEUED -> "queued";
            case RUNNING -> p.framesDone() == 0 ? "started" : "progress";
            case DONE -> "done";
            case FAILED -> "failed";
        };
    }

    static JsonObject json(AnalysisService.Progress p) {
        var b = Json.createObjectBuilder().add("clip", p.clipId()).add("state", p.state().name())
                .add("framesDone", p.framesDone()).add("framesTotal", p.framesTotal());
        if (p.framesTotal() > 0) {
            b.add("percent", Math.min(100, Math.round(1000.0 * p.framesDone() / p.framesTotal()) / 10.0));
        }
        return b.build();
    }

    private void events(ServerRequest req, ServerResponse res) throws Exception {
        long clip = req.query().first("clip").map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return -2L;
            }
        }).orElse(-1L);
        if (clip == -2L) {
            res.status(io.helidon.http.Status.BAD_REQUEST_400).send(JsonViews.error("clip must be a number"));
            return;
        }
        BlockingQueue<AnalysisService.Progress> queue = new LinkedBlockingQueue<>();
        try (AutoCloseable follow = analysis.follow(p -> {
            if (clip < 0 || p.clipId() == clip) {
                queue.add(p);
            }
        }); SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().name("ready").data(Json.createObjectBuilder()
                    .add("clip", clip < 0 ? "all" : Long.toString(clip)).build().toString()).build());
            while (true) {
                AnalysisService.Progress p = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (p == null) {
                    sink.emit(SseEvent.builder().name("keepalive").data("{}").build());
                    continue;
                }
                sink.emit(SseEvent.builder().name(name(p)).data(json(p).toString()).build());
                if (clip >= 0 && (p.state() == AnalysisStore.State.DONE || p.state() == AnalysisStore.State.FAILED)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        }
    }
}
