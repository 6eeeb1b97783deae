package io.setkeeper.protocol.interchange.otio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.InterchangeException;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtioJsonTest {
    private static final Cdl LOOK = Cdl.of("A001C003", new Rgb(1.05, 0.98, 0.91), new Rgb(-0.012, 0.003, 0.0305),
            new Rgb(1.1, 1, 0.95), 0.87);

    private static JsonObject approval() {
        return Json.createObjectBuilder().add("fixId", "fix-42").add("decision", "APPROVE")
                .add("by", Json.createObjectBuilder().add("name", "Jana Novak").add("role", "DIT"))
                .add("at", "2026-11-22T02:40:00Z").add("reason", "matches 5A wide")
                .add("model", "looks-v7").add("evidence", Json.createArrayBuilder().add("still-1.png").add(3.25))
                .build();
    }

    @Test
    void timelineWithCdlAndApprovalRoundTrips(@TempDir Path dir) throws Exception {
        OtioItem.Clip fixed = new OtioItem.Clip("A001C003", Optional.of(TimeRange.frames(86400, 120, 25)),
                Optional.of("file:///media/A001C003.mov"), OtioCdl.metadata(LOOK, approval()),
                List.of(new OtioItem.Marker("boom", "RED", Optional.of(TimeRange.frames(86410, 0, 25)))));
        OtioItem.Clip plain = new OtioItem.Clip("A001C004", Optional.of(TimeRange.frames(0, 50, 25)),
                Optional.empty(), JsonValue.EMPTY_JSON_OBJECT, List.of());
        OtioTimeline timeline = new OtioTimeline("Day 1 fixes",
                Json.createObjectBuilder().add("production", "demo").build(),
                List.of(new OtioTimeline.Track("V1", "Video", List.of(fixed,
                        new OtioItem.Transition("Dissolve", "SMPTE_Dissolve", new RationalTime(5, 25),
                                new RationalTime(5, 25)),
                        plain, new OtioItem.Gap("", TimeRange.frames(0, 10, 25))))));
        Path file = dir.resolve("fixes.otio");
        String text = OtioJson.write(timeline);
        Files.writeString(file, text);
        assertTrue(text.contains("\"OTIO_SCHEMA\":\"Clip.1\"") || text.contains("\"OTIO_SCHEMA\": \"Clip.1\""));
        assertTrue(text.contains("ExternalReference.1") && text.contains("MissingReference.1"));

        OtioTimeline back = OtioJson.read(file);
        assertEquals(timeline, back);
        OtioItem.Clip clip = back.clips().getFirst();
        assertEquals(Optional.of(LOOK), OtioCdl.fromMetadata("A001C003", clip.metadata()));
        assertEquals(Optional.of(approval()), OtioCdl.approval(clip.metadata()));
        JsonObject sop = clip.metadata().getJsonObject("cdl").getJsonObject("asc_sop");
        assertEquals(0.98, sop.getJsonArray("slope").getJsonNumber(1).doubleValue(), 0);
        assertEquals(Optional.empty(), OtioCdl.fromMetadata("x", back.clips().get(1).metadata()));
    }

    @Test
    void badInputGetsClearErrors() {
        assertTrue(assertThrows(InterchangeException.class, () -> OtioJson.parse("{", "a.otio")).getMessage()
                .contains("a.otio"));
        assertTrue(assertThrows(InterchangeException.class,
                () -> OtioJson.parse("{\"OTIO_SCHEMA\":\"Clip.1\"}", "c.otio")).getMessage()
                .contains("not an OTIO timeline"));
        String badTime = "{\"OTIO_SCHEMA\":\"Timeline.1\",\"tracks\":{\"OTIO_SCHEMA\":\"Stack.1\",\"children\":[{"
                + "\"OTIO_SCHEMA\":\"Track.1\",\"children\":[{\"OTIO_SCHEMA\":\"Clip.1\",\"source_range\":{"
                + "\"start_time\":{\"value\":\"x\",\"rate\":24},\"duration\":{\"value\":1,\"rate\":24}}}]}]}}";
        assertTrue(assertThrows(InterchangeException.class, () -> OtioJson.parse(badTime, "t.otio")).getMessage()
                .contains("malformed OTIO timeline"));
        JsonObject negative = Json.createObjectBuilder().add("cdl", Json.createObjectBuilder()
                .add("asc_sop", Json.createObjectBuilder().add("slope", Json.createArrayBuilder().add(1).add(-1).add(1))
                        .add("offset", Json.createArrayBuilder().add(0).add(0).add(0))
                        .add("power", Json.createArrayBuilder().add(1).add(1).add(1)))).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OtioCdl.fromMetadata("n", negative))
                .getMessage().contains("slope must be >= 0"));
    }
}
