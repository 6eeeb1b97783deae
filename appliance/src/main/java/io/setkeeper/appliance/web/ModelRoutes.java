package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.model.CharacterPrediction;
import io.setkeeper.appliance.model.ClipPrediction;
import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.model.ModelVersion;
import io.setkeeper.appliance.model.ModelVersions;
import io.setkeeper.appliance.model.ProductionModel;
import io.setkeeper.appliance.model.SetupPrediction;
import io.setkeeper.appliance.model.VersionRejectedException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The production model: {@code GET /api/model} (live state and the active version), {@code GET/POST
 * /api/model/versions} (history with lineage and signatures; cut a version), {@code POST
 * /api/model/versions/{id}/activate} (roll back or forward; a tampered version is refused with 422),
 * {@code GET /api/model/clusters}, {@code GET /api/model/predictions[/{clip}]}, {@code GET/POST
 * /api/model/corrections} (body {kind: NAME|CHARACTER|SETUP, clip, person, value, by}), {@code GET
 * /api/model/plates} and {@code GET /api/model/plates/{setup}.png[?map=coverage]} (clean plates of locked-off setups).
 */
final class ModelRoutes implements HttpService {
    private final ModelService model;

    ModelRoutes(ModelService model) {
        this.model = model;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::state).get("/versions", this::history).post("/versions", this::cut)
                .post("/versions/{id}/activate", this::activate).get("/clusters", this::clusters)
                .get("/predictions", this::predictions).get("/predictions/{clip}", this::prediction)
                .get("/corrections", this::corrections).post("/corrections", this::correct)
                .get("/plates", this::plates).get("/plates/{file}", this::plate);
    }

    private void state(ServerRequest req, ServerResponse res) {
        ProductionModel m = model.model();
        JsonObjectBuilder b = Json.createObjectBuilder().add("production", model.production())
                .add("clips", m.clips().size()).add("characters", Json.createArrayBuilder(m.characterNames()))
                .add("setups", Json.createArrayBuilder(m.setupNames())).add("characterThreshold", m.characterThreshold());
        model.startProblem().ifPresent(p -> b.add("startProblem", p));
        model.currentRecord().ifPresent(v -> {
            b.add("version", version(v));
            try {
                b.add("manifest", model.current().orElseThrow().manifest());
            } catch (VersionRejectedException e) {
                b.add("versionProblem", e.getMessage());
            }
        });
        res.send(b.build());
    }

    private void history(ServerRequest req, ServerResponse res) {
        String active = model.currentRecord().map(ModelVersion::id).orElse("");
        JsonArrayBuilder arr = Json.createArrayBuilder();
        model.history().forEach(v -> arr.add(Json.createObjectBuilder(version(v)).add("active", v.id().equals(active))));
        res.send(arr.build());
    }

    private void cut(ServerRequest req, ServerResponse res) {
        String reason = req.content().hasEntity() ? req.content().as(JsonObject.class).getString("reason", "on demand") : "on demand";
        try {
            res.status(Status.CREATED_201).send(version(model.cut(reason)));
        } catch (RuntimeException e) {
            res.status(Status.CONFLICT_409).send(JsonViews.error(e.getMessage()));
        }
    }

    private void activate(ServerRequest req, ServerResponse res) {
        try {
            ModelVersions.Opened opened = model.activate(req.path().pathParameters().get("id"));
            res.send(version(opened.version()));
        } catch (VersionRejectedException e) {
            res.status(Status.create(422, "Unprocessable Content")).send(JsonViews.error(e.getMessage()));
        }
    }

    private void clusters(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        model.model().clusters().forEach(c -> {
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", c.id()).add("tracks", c.tracks());
            if (c.name() != null) {
                o.add("name", c.name());
            }
            arr.add(o);
        });
        res.send(arr.build());
    }

    private void predictions(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        for (String clip : model.model().clips()) {
            model.prediction(clip).ifPresent(p -> arr.add(prediction(p)));
        }
        res.send(arr.build());
    }

    private void prediction(ServerRequest req, ServerResponse res) {
        String clip = req.path().pathParameters().get("clip");
        model.prediction(clip).ifPresentOrElse(p -> res.send(prediction(p)),
                () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("clip " + clip + " is not learned by the model")));
    }

    private void corrections(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        model.model().corrections().forEach(c -> arr.add(Json.createObjectBuilder().add("kind", c.kind().name())
                .add("clip", c.clip()).add("person", c.person()).add("value", c.value()).add("by", c.by())
                .add("at", c.at().toString())));
        res.send(arr.build());
    }

    private void correct(ServerRequest req, ServerResponse res) {
        try {
            JsonObject body = req.content().as(JsonObject.class);
            String kind = body.getString("kind", ""), value = body.getString("value", "");
            String by = author(req, body.getString("by", ""));
            switch (kind) {
                case "NAME" -> model.name(body.getInt("person"), value, by);
                case "CHARACTER" -> model.correctCharacter(body.getString("clip"), body.getInt("person"), value, by);
                case "SETUP" -> model.correctSetup(body.getString("clip"), value, by);
                default -> throw new IllegalArgumentException("kind must be NAME, CHARACTER or SETUP, got '" + kind + "'");
            }
            res.status(Status.CREATED_201).send(Json.createObjectBuilder().add("kind", kind).add("value", value).build());
        } catch (RuntimeException e) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error(e.getMessage() == null
                    ? "body must be {kind, clip, person, value, by}" : e.getMessage()));
        }
    }

    /**
     * The correction's author: the token's user (the ApiGuard let the write through only with one); a different
     * {@code by} in the body is kept as whom it was done for, e.g. "Ana (DIT) for script".
     */
    static String author(ServerRequest req, String by) {
        return req.context().get(io.setkeeper.appliance.review.User.class)
                .map(u -> u.name() + " (" + u.role() + ")" + (by.isBlank() || by.equalsIgnoreCase(u.name()) ? ""
                        : " for " + by))
                .orElse(by);
    }

    private void plates(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        model.model().plates().summaries().forEach(p -> arr.add(Json.createObjectBuilder().add("setup", p.setup())
                .add("width", p.width()).add("height", p.height()).add("clips", p.clips()).add("frames", p.frames())
                .add("holeFraction", p.holeFraction())
                .add("png", "/api/model/plates/" + java.net.URLEncoder.encode(p.setup(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + ".png")));
        res.send(arr.build());
    }

    private void plate(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        if (!file.endsWith(".png")) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("plates are served as <setup>.png, got " + file));
            return;
        }
        String setup = file.substring(0, file.length() - 4);
        boolean coverage = "coverage".equals(req.query().first("map").orElse(""));
        model.model().plates().image(setup).ifPresentOrElse(
                img -> res.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "image/png")
                        .send(coverage ? io.setkeeper.appliance.model.PlatePng.coverage(img) : io.setkeeper.appliance.model.PlatePng.plate(img)),
                () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no clean plate for setup " + setup
                        + " (plates: " + model.model().plates().setups() + ")")));
    }

    static JsonObject version(ModelVersion v) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", v.id()).add("seq", v.seq())
                .add("createdAt", v.createdAt().toString()).add("reason", v.reason() == null ? "" : v.reason())
                .add("dir", v.dir().toString()).add("manifestSha256", v.manifestSha256())
                .add("onnxSha256", v.onnxSha256()).add("signature", v.signatureBase64()).add("signatureAlgorithm", "Ed25519");
        if (v.parent() != null) {
            b.add("parent", v.parent());
        }
        return b.build();
    }

    static JsonObject prediction(ClipPrediction p) {
        JsonArrayBuilder people = Json.createArrayBuilder();
        for (CharacterPrediction c : p.people()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("known", c.known()).add("confidence", num(c.confidence()))
                    .add("similarity", num(c.similarity())).add("threshold", num(c.threshold())).add("source", c.source().name());
            if (c.known()) {
                o.add("character", c.character());
            }
            if (c.wardrobe() != null) {
                o.add("wardrobe", wardrobe(c.wardrobe()));
            }
            people.add(o);
        }
        SetupPrediction s = p.setup();
        JsonObjectBuilder setup = Json.createObjectBuilder().add("confidence", num(s.confidence())).add("corrected", s.corrected());
        if (s.predicted() != null) {
            setup.add("predicted", s.predicted());
        }
        if (s.slate() != null) {
            setup.add("slate", s.slate());
        }
        if (s.disagreement() != null) {
            setup.add("disagreement", s.disagreement().name()).add("margin", num(s.margin()));
        }
        JsonArrayBuilder ranking = Json.createArrayBuilder();
        s.ranking().forEach(c -> ranking.add(Json.createObjectBuilder().add("setup", c.setup()).add("distance", num(c.distance()))));
        setup.add("ranking", ranking);
        return Json.createObjectBuilder().add("clip", p.clip()).add("people", people).add("setup", setup).build();
    }

    /** A person's wardrobe in the clip, for continuity: colour, distances, and whether it changed within the scene. */
    static JsonObject wardrobe(CharacterPrediction.Wardrobe w) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("lab", Json.createArrayBuilder().add(w.lab()[0]).add(w.lab()[1]).add(w.lab()[2]))
                .add("threshold", num(w.threshold())).add("decided", w.decided()).add("changed", w.changed());
        if (Double.isFinite(w.characterDeltaE())) {
            o.add("characterDeltaE", w.characterDeltaE());
        }
        if (w.scene() != null) {
            o.add("scene", w.scene()).add("sceneTracks", w.sceneClips());
            if (Double.isFinite(w.sceneDeltaE())) {
                o.add("sceneDeltaE", w.sceneDeltaE());
            }
        }
        return o.build();
    }

    private static double num(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
