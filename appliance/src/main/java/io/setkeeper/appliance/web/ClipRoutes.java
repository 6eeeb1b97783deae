package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.SlateEntry;
import io.setkeeper.appliance.clips.SlateImporter;
import io.setkeeper.appliance.clips.SoundSync;
import io.setkeeper.appliance.slate.SoundMatches;
import io.setkeeper.appliance.store.ClipStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

/**
 * Clips and slates: {@code GET /api/clips[?card=]}, {@code GET /api/clips/{id}} (with the full probe document),
 * {@code POST /api/slates} to import an ALE or script supervisor CSV from a path on the box.
 */
final class ClipRoutes implements HttpService {
    private final ClipStore clips;
    private final SlateImporter importer;
    private final String production;

    ClipRoutes(ClipStore clips, SlateImporter importer, String production) {
        this.clips = clips;
        this.importer = importer;
        this.production = production;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/clips", this::list).get("/clips/{id}", this::one).post("/slates", this::importSlates)
                .get("/sound-matches", this::soundMatches);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var card = req.query().first("card");
        var list = card.isPresent() ? clips.byCard(card.get())
                : clips.clips(req.query().first("production").orElse(production));
        JsonArrayBuilder arr = Json.createArrayBuilder();
        list.forEach(c -> arr.add(clip(c, false)));
        res.send(arr.build());
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        try {
            clips.clip(Long.parseLong(id)).ifPresentOrElse(c -> res.send(clip(c, true)),
                    () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no clip " + id)));
        } catch (NumberFormatException e) {
            res.status(Status.NOT_FOUND_404).send(JsonViews.error("no clip " + id));
        }
    }

    private void importSlates(ServerRequest req, ServerResponse res) {
        try {
            JsonObject body = req.content().as(JsonObject.class);
            SlateImporter.Result r = importer.importFile(body.getString("production", production),
                    Path.of(body.getString("path")));
            JsonArrayBuilder problems = Json.createArrayBuilder();
            r.problems().forEach(p -> problems.add(p.toString()));
            res.send(Json.createObjectBuilder().add("file", r.file().toString()).add("source", r.source().name())
                    .add("entries", r.entries()).add("problems", problems).build());
        } catch (IOException | RuntimeException e) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error(e.getMessage() == null
                    ? "body must be {\"path\": \"/path/to/A001.ale\"}" : e.getMessage()));
        }
    }

    private void soundMatches(ServerRequest req, ServerResponse res) {
        SoundMatches m = SoundSync.match(clips.clips(req.query().first("production").orElse(production)));
        JsonArrayBuilder matches = Json.createArrayBuilder();
        m.matches().forEach(x -> matches.add(Json.createObjectBuilder().add("picture", x.pictureId())
                .add("sound", x.soundId()).add("overlapSeconds", x.overlap().toMillis() / 1000.0)
                .add("slate", x.slate().name())));
        JsonArrayBuilder disagreements = Json.createArrayBuilder();
        for (SoundMatches.Disagreement d : m.disagreements()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("picture", d.pictureId()).add("sound", d.soundId());
            switch (d) {
                case SoundMatches.SlateDiffers s -> b.add("kind", "SLATE_DIFFERS").add("pictureSlate", s.pictureSlate())
                        .add("soundSlate", s.soundSlate());
                case SoundMatches.TimecodeApart t -> b.add("kind", "TIMECODE_APART").add("slate", t.slate())
                        .add("gapSeconds", t.gap().toMillis() / 1000.0);
            }
            disagreements.add(b);
        }
        res.send(Json.createObjectBuilder().add("matches", matches).add("disagreements", disagreements).build());
    }

    static JsonObject clip(Clip c, boolean full) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.id()).add("card", c.cardId())
                .add("path", c.relPath()).add("fileName", c.fileName()).add("media", c.mediaPath().toString())
                .add("kind", c.kind()).add("status", c.status().name());
        c.error().ifPresent(e -> b.add("error", e));
        c.camera().ifPresent(v -> b.add("camera", v));
        c.roll().ifPresent(v -> b.add("roll", v));
        c.clipNumber().ifPresent(v -> b.add("clipNumber", v));
        c.startTimecode().ifPresent(v -> b.add("startTimecode", v));
        c.fps().ifPresent(v -> b.add("fps", v));
        c.width().ifPresent(v -> b.add("width", v));
        c.height().ifPresent(v -> b.add("height", v));
        c.durationSeconds().ifPresent(v -> b.add("durationSeconds", v));
        JsonObjectBuilder slate = Json.createObjectBuilder();
        c.slate().scene().ifPresent(v -> slate.add("scene", v));
        c.slate().setup().ifPresent(v -> slate.add("setup", v));
        c.slate().take().ifPresent(v -> slate.add("take", v));
        c.slate().circled().ifPresent(v -> slate.add("circled", v));
        c.slate().camroll().ifPresent(v -> slate.add("camroll", v));
        JsonArrayBuilder sources = Json.createArrayBuilder();
        for (SlateEntry e : c.slate().sources()) {
            sources.add(e.source().name() + " " + e.sourceFile() + ":" + e.line());
        }
        JsonArrayBuilder disagreements = Json.createArrayBuilder();
        c.slate().disagreements().forEach(disagreements::add);
        b.add("slate", slate.add("sources", sources).add("disagreements", disagreements));
        if (full) {
            try (var r = Json.createReader(new StringReader(c.probeJson()))) {
                b.add("probe", r.readObject());
            }
        }
        return b.build();
    }
}
