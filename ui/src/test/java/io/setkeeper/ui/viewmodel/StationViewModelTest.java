package io.setkeeper.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.TestAppliance;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view models without a screen, against a real appliance (real HTTP, real H2, a real generated card):
 * connect, offload followed over SSE to the report, dailies with probe data and slate, flags and coverage (404), the outbox.
 */
class StationViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void connectOffloadAndOpenAClip() throws Exception {
        Path card = TestAppliance.sampleCard(tmp.resolve("cards"));
        try (TestAppliance appliance = new TestAppliance(tmp.resolve("data")); Async async = Async.direct()) {
            StationViewModel station = new StationViewModel(async);
            ConnectionViewModel conn = station.connection();
            conn.address().set(appliance.address());
            conn.token().set(appliance.token("Dana", "DIT"));
            conn.connect().get(10, TimeUnit.SECONDS);
            assertEquals(ConnectionState.CONNECTED, conn.state().get(), conn.message().get());
            assertEquals(TestAppliance.PRODUCTION, conn.production().get().id());
            assertTrue(conn.message().get().contains("Production: " + TestAppliance.PRODUCTION),
                    conn.message().get());

            OffloadViewModel offload = station.offload();
            offload.start().get(10, TimeUnit.SECONDS);
            assertEquals("Choose the card to offload (its folder).", offload.message().get());
            offload.source().set(card.toString());
            offload.start().get(10, TimeUnit.SECONDS);
            assertEquals("Name at least one destination.", offload.message().get());
            offload.destinations().set(tmp.resolve("raid/A001") + "\n" + tmp.resolve("shuttle/A001"));
            offload.start().get(10, TimeUnit.SECONDS);
            assertEquals(1, offload.jobs().size(), offload.message().get());
            JobViewModel job = offload.jobs().getFirst();
            offload.whenFinished(job.id()).get(60, TimeUnit.SECONDS);
            assertEquals("DONE", job.state().get(), job.error().get());
            assertEquals(1.0, job.fraction().get(), 1e-9);
            assertEquals("Verified: 4 of 4 files", job.verification().get().replaceAll(" \\(.*", ""));
            assertEquals(2, job.destinations().get().lines().filter(l -> l.contains("sealed, ASC MHL generation 1"))
                    .count(), job.destinations().get());
            assertEquals("", job.error().get());

            offload.start().get(10, TimeUnit.SECONDS);
            assertTrue(offload.message().get().contains("already sent"), offload.message().get());
            assertEquals(1, offload.jobs().size());

            DailiesViewModel dailies = station.dailies();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (dailies.clips().size() < 3 && System.nanoTime() < until) {
                dailies.refresh().get(10, TimeUnit.SECONDS);
                Thread.sleep(200);
            }
            assertEquals(3, dailies.clips().size(), dailies.message().get());
            ClipRow first = dailies.clips().stream().filter(r -> r.file().contains("C001")).findFirst().orElseThrow();
            assertEquals("A001", first.card());
            assertEquals("14:02:10:00", first.timecode());
            assertEquals("5", first.scene());
            assertEquals("5A", first.setup());
            assertEquals("1", first.take());
            assertEquals("ok", first.status());
            dailies.scene().set("5b");
            assertEquals(1, dailies.clips().size());
            assertTrue(dailies.clips().getFirst().file().contains("C003"));
            assertEquals("circled", dailies.clips().getFirst().circled());
            dailies.scene().set("");

            dailies.open(first).get(10, TimeUnit.SECONDS);
            assertTrue(dailies.lines().contains(new DetailLine("Take", "1")), dailies.lines().toString());
            DetailLine tc = dailies.lines().stream().filter(l -> l.label().equals("Timecode")).findFirst()
                    .orElseThrow();
            assertTrue(tc.value().startsWith("14:02:10:00"), tc.value());
            assertTrue(dailies.lines().stream().anyMatch(l -> l.label().equals("Video")
                    && l.value().toLowerCase().contains("prores")), dailies.lines().toString());
            assertTrue(dailies.lines().stream().anyMatch(l -> l.label().equals("Slate source")
                    && l.value().contains("A001.ale")), dailies.lines().toString());

            // flags and coverage have no API on this appliance (404): said in words, nothing made up
            station.flags().refresh().get(10, TimeUnit.SECONDS);
            assertTrue(!station.flags().available().get() && station.flags().flags().isEmpty());
            assertTrue(station.flags().message().get().contains("answers 404 on /api/flags"),
                    station.flags().message().get());
            station.coverage().refresh().get(10, TimeUnit.SECONDS);
            assertTrue(!station.coverage().available().get() && station.coverage().scenes().isEmpty());
            assertTrue(station.coverage().message().get().contains("answers 404 on /api/coverage"),
                    station.coverage().message().get());
            // the outbox is read through /api/sync: the appliance's own status messages wait there (sync is off)
            station.modelSync().refresh().get(10, TimeUnit.SECONDS);
            assertTrue(station.modelSync().sync().stream().anyMatch(l -> l.label().equals("Queued")
                    && !l.value().startsWith("0 ")), station.modelSync().sync().toString());
        }
    }

    @Test
    void noApplianceIsSaidInWords() throws Exception {
        try (Async async = Async.direct()) {
            ConnectionViewModel conn = new ConnectionViewModel(async);
            conn.address().set("127.0.0.1:" + TestAppliance.deadPort());
            conn.connect().get(15, TimeUnit.SECONDS);
            assertEquals(ConnectionState.FAILED, conn.state().get());
            assertTrue(conn.message().get().startsWith("No appliance answers at 127.0.0.1:"), conn.message().get());
            assertTrue(conn.client().get() == null);

            conn.address().set("");
            conn.connect().get(5, TimeUnit.SECONDS);
            assertEquals(ConnectionState.FAILED, conn.state().get());
            assertTrue(conn.message().get().contains("Type the appliance's address"), conn.message().get());
        }
    }

    @Test
    void aCardThatIsNotThereIsRefusedInWords() throws Exception {
        try (TestAppliance appliance = new TestAppliance(tmp.resolve("data")); Async async = Async.direct()) {
            StationViewModel station = new StationViewModel(async);
            station.connection().address().set(appliance.address());
            station.connection().connect().get(10, TimeUnit.SECONDS);
            station.offload().source().set(tmp.resolve("no-such-card").toString());
            station.offload().destinations().set(tmp.resolve("raid").toString());
            station.offload().start().get(10, TimeUnit.SECONDS);
            assertTrue(station.offload().message().get().contains("needs a user token"),
                    "without a token the station says so: " + station.offload().message().get());
            station.connection().token().set(appliance.token("Dara", "DIT"));
            station.connection().connect().get(10, TimeUnit.SECONDS);
            station.offload().destinations().set(tmp.resolve("raid").toString());
            station.offload().start().get(10, TimeUnit.SECONDS);
            assertTrue(station.offload().message().get().contains("not found"), station.offload().message().get());
            assertTrue(station.offload().jobs().isEmpty());
        }
    }
}
