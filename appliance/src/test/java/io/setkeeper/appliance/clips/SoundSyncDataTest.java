package io.setkeeper.appliance.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.media.SampleClipSpec;
import io.setkeeper.appliance.media.SampleClipWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Sound Devices 702T file (A101 take 2, bext TimeReference at 23.976 pull-down: 12:40:04:00) on a card with
 * two picture clips whose timecode runs inside it: the one slated A101/2 matches and agrees, the one slated A101/3
 * matches by timecode and is reported as a slate disagreement.
 */
class SoundSyncDataTest {
    @TempDir
    Path tmp;

    @Test
    void soundIsPlacedUnderPictureByTimecodeAndSlateDisagreementsAreReported() throws Exception {
        Path card = tmp.resolve("A001");
        Files.createDirectories(card.resolve("SOUND"));
        Files.copy(TestData.file("audio/sounddevices/A101_2.WAV"), card.resolve("SOUND/A101_2.WAV"));
        SampleClipWriter.write(card.resolve("A001R1AB/A001C001_261122_R1AB.mov"),
                new SampleClipSpec("A001C001", 320, 180, 24000, 1001, "12:40:05:00", 48));
        SampleClipWriter.write(card.resolve("A001R1AB/A001C002_261122_R1AB.mov"),
                new SampleClipSpec("A001C002", 320, 180, 24000, 1001, "12:40:09:00", 48));
        Files.writeString(card.resolve("A001.ale"), """
                Heading
                FIELD_DELIM\tTABS
                FPS\t23.976

                Column
                Name\tScene\tTake\tSource File

                Data
                A001C001\tA101\t02\tA001C001_261122_R1AB.mov
                A001C002\tA101\t03\tA001C002_261122_R1AB.mov
                """);
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            var started = h.post("/api/offloads", Json.createObjectBuilder().add("source", card.toString())
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build()
                    .toString());
            assertEquals(202, started.statusCode(), started.body());
            for (int i = 0; i < 300 && h.appliance().clips().clips("signing-room").size() < 3; i++) {
                Thread.sleep(100);
            }
            JsonObject result = parse(h.get("/api/sound-matches").body());
            List<JsonObject> matches = result.getJsonArray("matches").stream().map(JsonValue::asJsonObject).toList();
            assertEquals(2, matches.size(), result.toString());
            JsonObject agree = matches.stream().filter(m -> m.getString("picture").contains("C001")).findFirst()
                    .orElseThrow();
            assertEquals("SOUND/A101_2.WAV", agree.getString("sound"));
            assertEquals("AGREES", agree.getString("slate"), result.toString());
            JsonObject differs = matches.stream().filter(m -> m.getString("picture").contains("C002")).findFirst()
                    .orElseThrow();
            assertEquals("DIFFERS", differs.getString("slate"), result.toString());
            assertTrue(result.getJsonArray("disagreements").stream().map(JsonValue::asJsonObject)
                    .anyMatch(d -> d.getString("kind").equals("SLATE_DIFFERS")
                            && d.getString("picture").contains("C002")), result.toString());
        }
    }

    private static JsonObject parse(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
