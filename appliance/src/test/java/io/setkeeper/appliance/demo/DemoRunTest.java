package io.setkeeper.appliance.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.ingest.OffloadJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo without any footage: a generated card offloaded, sealed and registered as clips. */
class DemoRunTest {
    @TempDir
    Path tmp;

    @Test
    void theGeneratedSampleCardIsOffloadedSealedAndRegisteredWithItsSlates() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(tmp)) {
            OffloadJob job = DemoRun.run(h.appliance());

            assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));
            for (OffloadJob.Destination d : job.destinations()) {
                assertTrue(Files.isRegularFile(d.path().resolve("ascmhl/ascmhl_chain.xml")), d.path().toString());
            }
            List<Clip> clips = awaitClips(h, job.cardId(), SampleCard.TAKES.size());
            assertEquals(SampleCard.TAKES.size(), clips.size());
            for (int i = 0; i < clips.size(); i++) {
                Clip c = clips.get(i);
                SampleCard.Take t = SampleCard.TAKES.get(i);
                assertEquals(Clip.Status.PROBED, c.status(), c.error().orElse(""));
                assertEquals(t.startTc(), c.startTimecode().orElseThrow());
                assertEquals("24000/1001", c.fps().orElseThrow());
                assertEquals("A", c.camera().orElseThrow());
                assertEquals(t.scene(), c.slate().setup().orElseThrow());
                assertEquals(t.take(), c.slate().take().orElseThrow());
                assertEquals(t.circled(), c.slate().circled().orElseThrow());
            }
            // a second run finds the card already offloaded: same job, nothing copied again
            OffloadJob again = DemoRun.run(h.appliance());
            assertEquals(job.id(), again.id());
        }
    }

    static List<Clip> awaitClips(ApplianceHarness h, String cardId, int expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<Clip> clips = h.appliance().clips().byCard(cardId).stream()
                    .filter(c -> c.fileName().endsWith(".mov")).toList();
            if (clips.size() >= expected) {
                return clips;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("clips were not registered");
    }
}
