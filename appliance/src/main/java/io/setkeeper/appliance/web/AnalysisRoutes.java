package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import io.setkeeper.appliance.model.Heads;
import io.setkeeper.appliance.model.ModelService;
import java.util.regex.Pattern;

/**
 * Analysis results: {@code GET /api/clips/{id}/analysis}, {@code GET /api/clips/{id}/findings},
 * {@code GET /api/findings?production=}, {@code GET /api/clips/{id}/stills/{name}} (JPEG),
 * {@code GET /api/clips/{id}/tracks} (face tracks and per-sampled-frame people and objects).
 */
final class AnalysisRoutes implements HttpService {
    private static final Pattern STILL = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.jpg");

    private final AnalysisStore store;
    private final Path stillsDir;
    private final String production;
    private final Function<float[], Optional<String>> characters;

    /** @param characters names a face track's mean embedding with the production model's character, if any */
    AnalysisRoutes(AnalysisStore store, Path stillsDir, String production, Function<float[], Optional<String>> characters) {
        this.store = store;
        this.stillsDir = stillsDir;
        this.production = production;
        this.characters = characters;
    }

    /** The character the production model's heads give an embedding, when its score clears the threshold. */
    static Function<float[], Optional<String>> characters(ModelService model) {
        return embedding -> {
            try {
                Heads heads = model.model().heads();
                double[] scores = heads.characterScores(embedding);
                int best = -1;
                for (int i = 0; i < scores.length; i++) {
                    if (best < 0 || scores[i] > scores[best]) {
                        best = i;
                    }
                }
                return best >= 0 && scores[best] >= heads.characterThreshold() && best < heads.characters().size()
                        ? Optional.of(heads.characters().get(best)) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/clips/{id}/analysis", this::analysis).get("/clips/{id}/findings", this::clipFindings)
                .get("/clips/{id}/stills/{name}", this::still).get("/findings", this::productionFindings)
                .get("/clips/{id}/tracks", this::tracks);
    }

    private static long id(ServerRequest req) {
        try {
            return Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void analysis(ServerRequest req, ServerResponse res) {
        long id = id(req);
        store.analysis(id).ifPresentOrElse(a -> {
            JsonObjectBuilder b = Json.createObjectBuilder().add("clip", a.clipId()).add("production", a.production())
                    .add("state", a.state().name()).add("framesDone", a.framesDone())
                    .add("framesTotal", a.framesTotal()).add("attempts", a.attempts())
                    .add("queuedAt", a.queuedAt().toString());
            a.startedAt().ifPresent(t -> b.add("startedAt", t.toString()));
            a.finishedAt().ifPresent(t -> b.add("finishedAt", t.toString()));
            a.error().ifPresent(e -> b.add("error", e));
            a.resultJson().map(AnalysisRoutes::parse).ifPresent(j -> {
                b.add("result", j);
                if (j.containsKey("slateRead")) {
                    JsonObject s = j.getJsonObject("slateRead");
                    JsonObjectBuilder slate = Json.createObjectBuilder(s);
                    if (s.containsKey("still")) {
                        slate.add("still", "/api/clips/" + a.clipId() + "/stills/" + s.getString("still"));
                    }
                    b.add("slateRead", slate);
                }
            });
            res.send(b.build());
        }, () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no analysis for clip " + req.path()
                .pathParameters().get("id"))));
    }

    private void tracks(ServerRequest req, ServerResponse res) {
        long id = id(req);
        var analysis = store.analysis(id);
        if (analysis.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no analysis for clip " + req.path()
                    .pathParameters().get("id")));
            return;
        }
        JsonArrayBuilder tracks = Json.createArrayBuilder();
        for (AnalysisStore.TrackRow t : store.faceTracks(id)) {
            JsonObjectBuilder b = Json.createObjectBuilder(parse(t.json()));
            characters.apply(t.embedding()).ifPresent(c -> b.add("character", c));
            tracks.add(b);
        }
        JsonArrayBuilder frames = Json.createArrayBuilder();
        store.perceptionFrames(id).forEach(f -> frames.add(parse(f.json())));
        res.send(Json.createObjectBuilder().add("clip", id).add("state", analysis.get().state().name())
                .add("faceTracks", tracks).add("frames", frames).build());
    }

    private void clipFindings(ServerRequest req, ServerResponse res) {
        long id = id(req);
        if (store.analysis(id).isEmpty()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no analysis for clip " + req.path()
                    .pathParameters().get("id")));
            return;
        }
        res.send(findings(store.findings(id)));
    }

    private void productionFindings(ServerRequest req, ServerResponse res) {
        res.send(findings(store.findingsOf(req.query().first("production").orElse(production))));
    }

    private void still(ServerRequest req, ServerResponse res) {
        long id = id(req);
        String name = req.path().pathParameters().get("name");
        if (id < 0 || !STILL.matcher(name).matches()) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no still " + name));
            return;
        }
        Path file = stillsDir.resolve(Long.toString(id)).resolve(name);
        if (!Files.isRegularFile(file)) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no still " + name + " for clip " + id));
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            res.header(HeaderNames.CONTENT_TYPE, "image/jpeg").send(bytes);
        } catch (IOException e) {
            res.status(Status.INTERNAL_SERVER_ERROR_500).send(JsonViews.error("cannot read " + name + ": "
                    + e.getMessage()));
        }
    }

    static jakarta.json.JsonArray findings(List<AnalysisStore.FindingRow> rows) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        for (AnalysisStore.FindingRow f : rows) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", f.id()).add("clip", f.clipId())
                    .add("production", f.production()).add("type", f.type()).add("severity", f.severity())
                    .add("startFrame", f.startFrame()).add("endFrame", f.endFrame()).add("startPtsMicros", f.startPts())
                    .add("endPtsMicros", f.endPts()).add("message", f.message()).add("evidence", parse(f.evidenceJson()));
            f.startTc().ifPresent(t -> b.add("startTimecode", t));
            f.endTc().ifPresent(t -> b.add("endTimecode", t));
            f.still().ifPresent(s -> b.add("still", "/api/clips/" + f.clipId() + "/stills/" + s));
            arr.add(b);
        }
        return arr.build();
    }

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
