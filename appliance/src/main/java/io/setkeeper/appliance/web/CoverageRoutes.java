package io.setkeeper.appliance.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.coverage.BeforeWrap;
import io.setkeeper.appliance.coverage.Coverage;
import io.setkeeper.appliance.coverage.CoverageBoard;
import io.setkeeper.appliance.coverage.CoverageFlag;
import io.setkeeper.appliance.coverage.CoverageService;
import io.setkeeper.appliance.coverage.SceneCoverage;
import io.setkeeper.appliance.coverage.TakeRecord;
import io.setkeeper.appliance.plan.Scene;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/coverage[?day=3,5][&scene=5]}: the coverage board (shape and example in docs/coverage.md).
 */
final class CoverageRoutes implements HttpService {
    private final CoverageService coverage;

    CoverageRoutes(CoverageService coverage) {
        this.coverage = coverage;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::board);
    }

    private void board(ServerRequest req, ServerResponse res) {
        CoverageBoard b = coverage.board(day(req));
        res.send(json(b, coverage.plan().current().scenes(), req.query().first("scene").asOptional()));
    }

    static List<String> day(ServerRequest req) {
        return req.query().first("day").asOptional().map(d -> List.of(d.split("[,;\\s]+"))).orElse(List.of())
                .stream().filter(s -> !s.isBlank()).toList();
    }

    static JsonObject json(CoverageBoard b, List<Scene> script, Optional<String> only) {
        JsonArrayBuilder scenes = Json.createArrayBuilder();
        JsonArrayBuilder wrap = Json.createArrayBuilder();
        for (SceneCoverage s : b.scenes()) {
            if (only.isPresent() && !only.get().equalsIgnoreCase(s.scene())) {
                continue;
            }
            List<String> lines = BeforeWrap.lines(s, Coverage.SINGLE_SIZES);
            scenes.add(scene(b, s, script.stream().filter(x -> x.id().equalsIgnoreCase(s.scene())).findFirst(), lines));
            if (b.today(s.scene()) && !lines.isEmpty()) {
                wrap.add(Json.createObjectBuilder().add("scene", s.scene()).add("items", PlanRoutes.strings(lines)));
            }
        }
        JsonArrayBuilder sizes = Json.createArrayBuilder();
        Coverage.SINGLE_SIZES.stream().sorted().forEach(z -> sizes.add(z.label()));
        return Json.createObjectBuilder().add("production", b.production()).add("at", b.at().toString())
                .add("day", PlanRoutes.strings(b.day())).add("singleSizes", sizes).add("scenes", scenes)
                .add("beforeWrap", wrap).add("unplaced", PlanRoutes.strings(b.unplaced())).build();
    }

    private static JsonObject scene(CoverageBoard b, SceneCoverage s, Optional<Scene> script, List<String> lines) {
        List<TakeRecord> takes = b.takesOf(s.scene());
        JsonArrayBuilder setups = Json.createArrayBuilder();
        for (SceneCoverage.SetupCoverage sc : s.setups()) {
            String id = sc.planned().setup();
            setups.add(Json.createObjectBuilder(PlanRoutes.setup(sc.planned())).add("status", s.setupStatus(id))
                    .add("takes", takes(takes, id)));
        }
        JsonArrayBuilder unplanned = Json.createArrayBuilder();
        s.unplanned().forEach(u -> unplanned.add(Json.createObjectBuilder().add("setup", u).add("takes", takes(takes, u))));
        JsonArrayBuilder characters = Json.createArrayBuilder();
        for (SceneCoverage.CharacterCoverage c : s.characters()) {
            JsonArrayBuilder sz = Json.createArrayBuilder();
            c.sizesSeen().stream().sorted().forEach(z -> sz.add(z.label()));
            characters.add(Json.createObjectBuilder().add("character", c.character()).add("speaks", c.speaks())
                    .add("hasSingle", c.hasSingle()).add("sizes", sz));
        }
        JsonArrayBuilder flags = Json.createArrayBuilder();
        for (int i = 0; i < s.flags().size(); i++) {
            flags.add(flag(s.flags().get(i), lines.get(i)));
        }
        JsonObjectBuilder o = Json.createObjectBuilder().add("scene", s.scene()).add("today", b.today(s.scene()))
                .add("status", s.status()).add("setups", setups).add("unplanned", unplanned)
                .add("characters", characters).add("flags", flags).add("beforeWrap", PlanRoutes.strings(lines));
        script.ifPresent(x -> o.add("heading", x.heading().text()).add("setting", x.setting().name())
                .add("location", x.location()).add("timeOfDay", x.timeOfDay()));
        return o.build();
    }

    private static JsonArrayBuilder takes(List<TakeRecord> takes, String setup) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        takes.stream().filter(t -> t.take().setup().replaceAll("\\s+", "").equalsIgnoreCase(setup.replaceAll("\\s+", "")))
                .forEach(t -> arr.add(take(t)));
        return arr;
    }

    static JsonObject take(TakeRecord t) {
        JsonArrayBuilder seen = Json.createArrayBuilder();
        t.take().seen().forEach(s -> seen.add(Json.createObjectBuilder().add("character", s.character())
                .add("shotSize", s.size().label())));
        JsonObjectBuilder b = Json.createObjectBuilder().add("take", t.take().take()).add("clipId", t.clipId())
                .add("clip", t.clip()).add("status", t.status()).add("usable", t.take().usable())
                .add("circled", t.take().circled()).add("qcClean", t.take().qcClean())
                .add("qcPending", t.take().qcPending())
                .add("slateAgrees", t.take().slateAgrees()).add("analysis", t.analysis())
                .add("qcProblems", PlanRoutes.strings(t.qcProblems())).add("placedBy", t.placedBy())
                .add("placementConfidence", t.placementConfidence()).add("seen", seen)
                .add("unknownPeople", t.take().unknown()).add("caveat", t.caveat())
                .add("notes", PlanRoutes.strings(t.notes()));
        if (t.slateCheck() != null) {
            b.add("slateCheck", t.slateCheck());
        }
        if (t.predictedSetup() != null) {
            b.add("predictedSetup", t.predictedSetup());
        }
        t.still().ifPresent(s -> b.add("still", "/api/clips/" + t.clipId() + "/stills/" + s));
        return b.build();
    }

    private static JsonObject flag(CoverageFlag f, String message) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", f.getClass().getSimpleName()).add("scene", f.scene())
                .add("message", message);
        switch (f) {
            case CoverageFlag.NoUsableTake n -> b.add("setup", n.setup()).add("takes", ints(n.takesShot()));
            case CoverageFlag.UsableOnlyWithQcProblem u -> b.add("setup", u.setup()).add("takes", ints(u.takes()));
            case CoverageFlag.UnplannedSetup u -> b.add("setup", u.setup()).add("takes", ints(u.takes()));
            case CoverageFlag.SpeakerWithoutSingle s -> b.add("character", s.character());
            case CoverageFlag.NothingShot n -> { }
        }
        return b.build();
    }

    private static JsonArrayBuilder ints(List<Integer> values) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        values.forEach(arr::add);
        return arr;
    }
}
