package io.setkeeper.appliance.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.plan.ParseProblem;
import io.setkeeper.appliance.plan.Plan;
import io.setkeeper.appliance.plan.PlanService;
import io.setkeeper.appliance.plan.PlanSource;
import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.Scene;
import io.setkeeper.appliance.plan.Screenplay;
import io.setkeeper.appliance.plan.ScriptFormatException;
import io.setkeeper.appliance.plan.ShotList;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The plan: {@code POST /api/plan/screenplay} (Fountain or Final Draft body; {@code ?file=} names it),
 * {@code POST /api/plan/shotlist} (CSV), {@code POST /api/plan/day} (the scenes of the day), {@code GET /api/plan}.
 * Imports reply with what was imported and the problems with their lines; a re-import replaces that part.
 */
final class PlanRoutes implements HttpService {
    private final PlanService plan;

    PlanRoutes(PlanService plan) {
        this.plan = plan;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get).post("/screenplay", this::screenplay).post("/shotlist", this::shotList)
                .post("/day", this::day);
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(plan(plan.production(), plan.current()));
    }

    private void screenplay(ServerRequest req, ServerResponse res) {
        byte[] body = body(req);
        if (body.length == 0) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error("empty body: send a Fountain or Final Draft screenplay"));
            return;
        }
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        try {
            Screenplay s = plan.importScreenplay(body, type, req.query().first("file").orElse(null));
            PlanSource src = plan.current().screenplaySource().orElseThrow();
            res.status(Status.CREATED_201).send(Json.createObjectBuilder().add("kind", "SCREENPLAY")
                    .add("format", src.format()).add("scenes", s.scenes().size())
                    .add("speakers", strings(s.speakers())).add("cast", strings(plan.current().cast()))
                    .add("problems", problems(s.problems())).build());
        } catch (ScriptFormatException e) {
            res.status(Status.BAD_REQUEST_400).send(Json.createObjectBuilder(JsonViews.error(e.getMessage()))
                    .add("line", e.line()).build());
        }
    }

    private void shotList(ServerRequest req, ServerResponse res) {
        byte[] body = body(req);
        if (body.length == 0) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error("empty body: send the shot list as CSV"));
            return;
        }
        ShotList list = plan.importShotList(body, req.query().first("file").orElse(null));
        res.status(list.setups().isEmpty() ? Status.BAD_REQUEST_400 : Status.CREATED_201)
                .send(Json.createObjectBuilder().add("kind", "SHOTLIST").add("setups", list.setups().size())
                        .add("problems", problems(list.problems())).build());
    }

    /** Body: {@code {"scenes": ["3", "5"]}}, or plain text "3, 5"; an empty list clears the day. */
    private void day(ServerRequest req, ServerResponse res) {
        String text = new String(body(req), StandardCharsets.UTF_8).strip();
        List<String> scenes = new ArrayList<>();
        if (text.startsWith("{")) {
            try (var r = Json.createReader(new java.io.StringReader(text))) {
                JsonArray arr = r.readObject().getJsonArray("scenes");
                if (arr == null) {
                    res.status(Status.BAD_REQUEST_400).send(JsonViews.error("expected {\"scenes\": [\"5\", ...]}"));
                    return;
                }
                arr.forEach(v -> scenes.add(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
            } catch (jakarta.json.JsonException | ClassCastException e) {
                res.status(Status.BAD_REQUEST_400).send(JsonViews.error("not a JSON object: " + e.getMessage()));
                return;
            }
        } else {
            scenes.add(text);
        }
        List<String> day = plan.setDay(scenes);
        List<String> unknown = day.stream().filter(d -> plan.current().scenes().stream().noneMatch(s -> s.id().equals(d))
                && plan.current().setups().stream().noneMatch(p -> p.scene().equals(d))).toList();
        res.send(Json.createObjectBuilder().add("day", strings(day)).add("unknownScenes", strings(unknown)).build());
    }

    private static byte[] body(ServerRequest req) {
        return req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
    }

    static JsonObject plan(String production, Plan p) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("production", production);
        p.screenplaySource().ifPresent(s -> b.add("screenplay", source(s, p.screenplay()
                .map(Screenplay::problems).orElse(List.of(new ParseProblem(0, "stored screenplay no longer parses"))))));
        p.shotListSource().ifPresent(s -> b.add("shotList", source(s, p.shotList().map(ShotList::problems)
                .orElse(List.of()))));
        b.add("day", strings(p.day())).add("cast", strings(p.cast()));
        JsonArrayBuilder scenes = Json.createArrayBuilder();
        p.scenes().forEach(s -> scenes.add(scene(s, p.setups())));
        JsonArrayBuilder setups = Json.createArrayBuilder();
        p.setups().forEach(s -> setups.add(setup(s)));
        return b.add("scenes", scenes).add("setups", setups).build();
    }

    private static JsonObject source(PlanSource s, List<ParseProblem> problems) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("format", s.format())
                .add("importedAt", s.importedAt().toString()).add("bytes", s.content().length)
                .add("problems", problems(problems));
        s.fileName().ifPresent(f -> b.add("fileName", f));
        return b.build();
    }

    static JsonObject scene(Scene s, List<PlannedSetup> setups) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", s.id()).add("ordinal", s.ordinal())
                .add("heading", s.heading().text()).add("setting", s.setting().name()).add("location", s.location())
                .add("timeOfDay", s.timeOfDay()).add("line", s.heading().line())
                .add("characters", strings(s.appearing())).add("speakers", strings(s.speakers()))
                .add("onScreenSpeakers", strings(s.onScreenSpeakers()))
                .add("plannedSetups", strings(setups.stream().filter(p -> p.scene().equals(s.id()))
                        .map(PlannedSetup::setup).toList()));
        s.number().ifPresent(n -> b.add("number", n));
        return b.build();
    }

    static JsonObject setup(PlannedSetup s) {
        return Json.createObjectBuilder().add("scene", s.scene()).add("setup", s.setup())
                .add("shotSize", s.shotSize().label()).add("subjects", strings(s.subjects())).add("angle", s.angle())
                .add("lens", s.lens()).add("movement", s.movement()).add("description", s.description())
                .add("line", s.line()).build();
    }

    static JsonArray problems(List<ParseProblem> problems) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        problems.forEach(p -> arr.add(Json.createObjectBuilder().add("line", p.line()).add("message", p.message())));
        return arr.build();
    }

    static JsonArray strings(Collection<String> values) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        values.forEach(arr::add);
        return arr.build();
    }
}
