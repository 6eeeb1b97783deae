package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan import API on a real appliance: Fountain, FDX, a shot list with bad rows, re-import, the cast, restart. */
class PlanApiTest {
    static final String FOUNTAIN = """
            Title: Two Rooms

            INT. KITCHEN - NIGHT #1#

            MARA pours coffee. BEN watches.

            MARA
            You're up early.

            BEN
            I never slept.

            EXT. GARDEN - DAY #2#

            MARA (V.O.)
            He left at dawn.
            """;
    static final String FDX = """
            <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
            <FinalDraft DocumentType="Script" Template="No" Version="1">
            <Content>
            <Paragraph Number="7" Type="Scene Heading"><Text>INT. OFFICE - DAY</Text></Paragraph>
            <Paragraph Type="Character"><Text>ZOE</Text></Paragraph>
            <Paragraph Type="Dialogue"><Text>Sit down.</Text></Paragraph>
            </Content>
            </FinalDraft>
            """;
    static final String SHOTS = """
            scene,setup,shot_size,subjects,angle,lens_mm,movement,description
            1,1A,WS,MARA;BEN,eye level,24,static,Kitchen master
            1,1B,blurry,MARA,eye level,50,static,bad size
            1,1C,MCU,BEN,eye level,50,static,Ben single
            2,2A
            """;

    @TempDir
    Path tmp;

    static JsonObject obj(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static HttpResponse<String> send(ApplianceHarness h, String path, String type, String body) throws Exception {
        return h.client().send(h.request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void importsReportsReplacesAndSurvivesARestart() throws Exception {
        Path data = tmp.resolve("data");
        try (ApplianceHarness h = new ApplianceHarness(data)) {
            HttpResponse<String> script = send(h, "/api/plan/screenplay?file=two-rooms.fountain", "text/plain", FOUNTAIN);
            assertEquals(201, script.statusCode(), script.body());
            JsonObject s = obj(script.body());
            assertEquals("FOUNTAIN", s.getString("format"));
            assertEquals(2, s.getInt("scenes"));
            assertEquals("[\"MARA\",\"BEN\"]", s.getJsonArray("cast").toString());

            HttpResponse<String> shots = send(h, "/api/plan/shotlist", "text/csv", SHOTS);
            assertEquals(201, shots.statusCode(), shots.body());
            JsonObject sl = obj(shots.body());
            assertEquals(2, sl.getInt("setups"));
            assertEquals(3, sl.getJsonArray("problems").getJsonObject(0).getInt("line"), sl.toString());
            assertTrue(sl.getJsonArray("problems").getJsonObject(0).getString("message").contains("blurry"));
            assertEquals(5, sl.getJsonArray("problems").getJsonObject(1).getInt("line"), sl.toString());

            JsonObject plan = obj(h.get("/api/plan").body());
            JsonObject kitchen = plan.getJsonArray("scenes").getJsonObject(0);
            assertEquals("1", kitchen.getString("id"));
            assertEquals("INT", kitchen.getString("setting"));
            assertEquals("KITCHEN", kitchen.getString("location"));
            assertEquals("NIGHT", kitchen.getString("timeOfDay"));
            assertEquals("[\"MARA\",\"BEN\"]", kitchen.getJsonArray("speakers").toString());
            assertEquals("[\"1A\",\"1C\"]", kitchen.getJsonArray("plannedSetups").toString());
            JsonObject garden = plan.getJsonArray("scenes").getJsonObject(1);
            assertEquals("[]", garden.getJsonArray("onScreenSpeakers").toString(), "a V.O. is not on screen");
            assertEquals("MCU", plan.getJsonArray("setups").getJsonObject(1).getString("shotSize"));

            // the production model refuses a name outside the script's cast
            HttpResponse<String> ghost = h.post("/api/model/corrections",
                    "{\"kind\":\"NAME\",\"person\":0,\"value\":\"GHOST\",\"by\":\"dit\"}");
            assertEquals(400, ghost.statusCode(), ghost.body());
            assertTrue(ghost.body().contains("unknown character 'GHOST'"), ghost.body());

            HttpResponse<String> day = h.post("/api/plan/day", "{\"scenes\":[\"2\",\"9\"]}");
            assertEquals(200, day.statusCode(), day.body());
            assertEquals("[\"9\"]", obj(day.body()).getJsonArray("unknownScenes").toString());
            assertEquals(400, h.post("/api/plan/day", "{\"nope\":1}").statusCode());

            HttpResponse<String> broken = send(h, "/api/plan/screenplay", "application/xml", "<FinalDraft><Content>");
            assertEquals(400, broken.statusCode(), broken.body());
            assertEquals(2, obj(h.get("/api/plan").body()).getJsonArray("scenes").size(), "a refused import keeps the plan");
            assertEquals(400, send(h, "/api/plan/shotlist", "text/csv", "").statusCode());
            HttpResponse<String> noHeader = send(h, "/api/plan/shotlist", "text/csv", "a,b\n1,2\n");
            assertEquals(400, noHeader.statusCode(), noHeader.body());
            assertTrue(noHeader.body().contains("lacks scene, setup, shot_size"), noHeader.body());
            HttpResponse<String> noScenes = send(h, "/api/plan/screenplay", "text/plain", "Just a note.\n");
            assertEquals(400, noScenes.statusCode(), noScenes.body());
            JsonObject kept = obj(h.get("/api/plan").body());
            assertEquals(2, kept.getJsonArray("scenes").size(), "a refused screenplay keeps the stored one");
            assertEquals(2, kept.getJsonArray("setups").size(), "a refused shot list keeps the stored one");
        }
        try (ApplianceHarness h = new ApplianceHarness(data)) {
            JsonObject plan = obj(h.get("/api/plan").body());
            assertEquals(2, plan.getJsonArray("scenes").size(), "the plan survives a restart");
            assertEquals("[\"2\",\"9\"]", plan.getJsonArray("day").toString());
            assertEquals("two-rooms.fountain", plan.getJsonObject("screenplay").getString("fileName"));
            HttpResponse<String> ghost = h.post("/api/model/corrections",
                    "{\"kind\":\"NAME\",\"person\":0,\"value\":\"GHOST\",\"by\":\"dit\"}");
            assertTrue(ghost.body().contains("the cast is"), "the cast is restored at start: " + ghost.body());

            // re-import (FDX detected by content) replaces the screenplay and the cast
            HttpResponse<String> fdx = send(h, "/api/plan/screenplay", "text/plain", FDX);
            assertEquals(201, fdx.statusCode(), fdx.body());
            assertEquals("FDX", obj(fdx.body()).getString("format"));
            JsonObject plan2 = obj(h.get("/api/plan").body());
            assertEquals(1, plan2.getJsonArray("scenes").size());
            assertEquals("7", plan2.getJsonArray("scenes").getJsonObject(0).getString("id"));
            assertEquals("[\"ZOE\"]", plan2.getJsonArray("cast").toString());
            assertEquals(2, plan2.getJsonArray("setups").size(), "the shot list stays");
        }
    }
}
