package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.SampleCards;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The udev helper's announcement: with automatic destinations the card is offloaded into a folder per card. */
class CardRoutesTest {
    @TempDir
    Path tmp;

    @Test
    void anInsertedCardIsOffloadedToTheAutomaticDestinations() throws Exception {
        Path card = SampleCards.arriCard(tmp.resolve("media"), 21);
        ApplianceConfig config = new ApplianceConfig("signing-room", "cart-test", tmp.resolve("data"),
                new ApplianceConfig.Http("127.0.0.1", 0),
                new ApplianceConfig.Offload("xxh64", 256, 1, List.of(tmp.resolve("raid"), tmp.resolve("shuttle"))),
                new ApplianceConfig.Demo(false, Optional.empty()));
        try (ApplianceHarness h = new ApplianceHarness(config)) {
            var res = h.post("/api/cards/inserted", Json.createObjectBuilder().add("mountPath", card.toString())
                    .add("device", "/dev/sdz1").add("label", "A001").build().toString());
            assertEquals(202, res.statusCode(), res.body());
            assertTrue(res.body().contains("\"action\":\"offloading\""), res.body());
            OffloadJob job = h.appliance().jobs().all("signing-room").getFirst();
            for (int i = 0; i < 200 && !job.state().finished(); i++) {
                Thread.sleep(50);
                job = h.appliance().jobs().job(job.id()).orElseThrow();
            }
            assertEquals(OffloadJob.State.DONE, job.state());
            assertTrue(Files.isRegularFile(tmp.resolve("raid/A001/A001R1AB/A001C001_261122_R1AB.mov")));
            assertTrue(Files.isRegularFile(tmp.resolve("shuttle/A001/ascmhl/ascmhl_chain.xml")));
            assertEquals(204, h.post("/api/cards/removed", "{\"mountPath\": \"" + card + "\"}").statusCode());
        }
    }

    @Test
    void withoutAutomaticDestinationsTheCardWaitsForTheDit() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp.resolve("data"))) {
            var res = h.post("/api/cards/inserted", "{\"mountPath\": \"/media/A002\", \"label\": \"A002\"}");
            assertEquals(202, res.statusCode());
            assertTrue(res.body().contains("waiting"), res.body());
            assertEquals(400, h.post("/api/cards/inserted", "{}").statusCode());
        }
    }
}
