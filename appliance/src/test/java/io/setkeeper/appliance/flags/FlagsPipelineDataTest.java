package io.setkeeper.appliance.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path on real footage: the three 5C takes and the camera ALE offloaded as a card; each analysed clip's
 * facts reach the continuity store through AnalysisService.onAnalysed, and every flag raised has its evidence.
 */
class FlagsPipelineDataTest {
    @TempDir
    Path tmp;

    @Test
    void analysedTakesAreCheckedAndFlagsCarryEvidence() throws Exception {
        Path card = Files.createDirectories(tmp.resolve("A001"));
        for (String f : List.of("milk.mkv", "please.mkv", "sorry.mkv")) {
            Files.copy(TestData.file("footage/asl/" + f), card.resolve(f));
        }
        Files.copy(TestData.file("production/A001.ale"), card.resolve("A001.ale"));
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            HttpResponse<String> started = h.post("/api/offloads", Json.createObjectBuilder()
                    .add("source", card.toString()).add("card", "A001")
                    .add("destinations", Json.createArrayBuilder().add(tmp.resolve("raid").toString())).build()
                    .toString());
            assertEquals(202, started.statusCode(), started.body());
            String jobId = object(started.body()).getJsonObject("job").getString("id");
            String cardId = null;
            for (int i = 0; i < 3000 && cardId == null; i++) {
                var job = h.appliance().jobs().job(jobId).orElseThrow();
                if (job.state().finished()) {
                    cardId = job.cardId();
                } else {
                    Thread.sleep(100);
                }
            }
            for (int i = 0; i < 3000; i++) {
                List<Clip> video = h.appliance().clips().byCard(cardId).stream()
                        .filter(c -> "VIDEO".equals(c.kind())).toList();
                boolean done = video.size() == 3 && video.stream().allMatch(c -> h.appliance().analysisStore()
                        .analysis(c.id()).map(a -> a.state() == AnalysisStore.State.DONE).orElse(false));
                if (done && h.appliance().analysis().awaitIdle(100)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(List.of("milk.mkv", "please.mkv", "sorry.mkv"),
                    h.appliance().flags().clipsChecked("5").stream().sorted().toList());
            JsonArray flags = Json.createReader(new StringReader(h.get("/api/flags?scene=5").body())).readArray();
            System.out.println("flags on the 5C takes: " + flags);
            for (JsonValue v : flags) {
                JsonObject f = v.asJsonObject();
                assertEquals("5C", f.getString("setup"));
                String png = f.getJsonArray("evidence").getString(0);
                HttpResponse<byte[]> r = h.client().send(HttpRequest.newBuilder(h.uri(png)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), png);
                assertTrue(r.body().length > 1000);
            }
        }
    }

    private static JsonObject object(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
