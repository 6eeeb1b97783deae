package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.OffloadRequest;
import io.setkeeper.appliance.store.AnalysisStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the appliance while a real clip is being analysed: the shutdown logs no failure, the clip is left
 * unfinished, and the next start analyses it to the end on the same database. (Whether an interrupt lands inside an
 * H2 write, which closes the database file, is a race this test cannot force; {@code AnalysisService.close} avoids
 * interrupting the worker at all.)
 */
class ShutdownMidAnalysisDataTest {
    @TempDir
    Path tmp;

    @Test
    void aClipCutOffByShutdownIsFinishedAfterTheNextStart() throws Exception {
        Path card = Files.createDirectories(tmp.resolve("cards/A009"));
        Files.copy(TestData.file("footage/opencv/vtest.avi"), card.resolve("A009C001_vtest.avi"));
        Path data = tmp.resolve("data");
        long clipId;
        List<LogRecord> problems = new CopyOnWriteArrayList<>();
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    problems.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(AnalysisService.class.getName());
        log.addHandler(watch);
        try (ApplianceHarness h = new ApplianceHarness(data)) {
            String job = h.appliance().offloads().start(new OffloadRequest(h.appliance().config().production(),
                    Optional.empty(), card, List.of(tmp.resolve("raid")), Optional.empty())).job().id();
            clipId = awaitRunning(h, job);
        } finally { // closes while the clip is mid-analysis
            log.removeHandler(watch);
        }
        assertTrue(problems.isEmpty(), "the shutdown cut the analysis with errors: " + problems.stream()
                .map(r -> r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown())).toList());
        try (ApplianceHarness h = new ApplianceHarness(data)) {
            AnalysisStore.Row before = h.appliance().analysisStore().analysis(clipId).orElseThrow();
            for (int i = 0; i < 1800 && h.appliance().analysisStore().analysis(clipId)
                    .map(a -> a.state() != AnalysisStore.State.DONE).orElse(true); i++) {
                Thread.sleep(100);
            }
            AnalysisStore.Row after = h.appliance().analysisStore().analysis(clipId).orElseThrow();
            assertEquals(AnalysisStore.State.DONE, after.state(), "state after the restart: " + after);
            assertTrue(after.attempts() >= 2, "the cut-off analysis was redone, attempts " + after.attempts()
                    + " (before the restart: " + before.state() + ")");
            assertEquals(200, h.get("/api/clips/" + clipId + "/analysis").statusCode());
        }
    }

    private static long awaitRunning(ApplianceHarness h, String jobId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            OffloadJob job = h.appliance().jobs().job(jobId).orElseThrow();
            if (job.state().finished()) {
                List<Clip> clips = h.appliance().clips().byCard(job.cardId());
                for (Clip c : clips) {
                    Optional<AnalysisStore.Row> a = h.appliance().analysisStore().analysis(c.id());
                    if (a.isPresent() && a.get().state() == AnalysisStore.State.RUNNING && a.get().framesDone() > 24) {
                        return c.id();
                    }
                    if (a.isPresent() && a.get().state() == AnalysisStore.State.DONE) {
                        throw new AssertionError("the clip was analysed before the test could stop the appliance");
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("analysis did not start");
    }
}
