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
 * connect, offload followed over SSE to the report, dailies with probe data and slate, the empty flags inbox, a real
 * flag (raised through the appliance's flag service) arriving over the stream and decided by a DIT with its state
 * coming back as the stream's {@code decided} event, the board without a plan, the outbox.
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
            String dana = appliance.token("Dana", "DIT");
            conn.token().set(dana);
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

            // the generated card raises no continuity flag: the inbox says so
            FlagsViewModel flags = station.flags();
            flags.refresh().get(10, TimeUnit.SECONDS);
            assertTrue(flags.available().get() && flags.flags().isEmpty(), flags.message().get());
            assertTrue(flags.message().get().startsWith("No flags"), flags.message().get());
            // a real flag raised by the appliance's flag service arrives over the stream (no refresh)
            java.util.List<String> raised = appliance.raiseFrameRateMismatch();
            assertEquals(1, raised.size(), raised.toString());
            waitUntil(() -> flags.flags().size() == 1);
            FlagRow row = flags.flags().getFirst();
            assertEquals(raised.getFirst(), row.id());
            assertEquals("CAMERA_MISMATCH", row.flag().kind());
            assertEquals("open", row.state());
            assertEquals("9 / 9A", row.scene());
            assertTrue(row.clips().contains("A009C002.mov"), row.clips());
            assertFalse(row.summary().isBlank());
            flags.selected().set(row);
            waitUntil(() -> flags.evidence().size() == 1);
            assertTrue(flags.numbers().stream().anyMatch(l -> l.label().equals("Why")), flags.numbers().toString());
            // a viewer may look but not decide; the DIT may
            conn.token().set(appliance.token("Vic", "VIEWER"));
            conn.connect().get(10, TimeUnit.SECONDS);
            flags.refresh().get(10, TimeUnit.SECONDS);
            flags.selected().set(flags.flags().getFirst());
            assertFalse(flags.canDecide().get());
            conn.token().set(dana);
            conn.connect().get(10, TimeUnit.SECONDS);
            flags.refresh().get(10, TimeUnit.SECONDS);
            waitUntil(() -> flags.decider().allowed().get());
            flags.selected().set(flags.flags().getFirst());
            flags.decider().reason().set("the B camera ran at 30 fps by mistake, tell the camera team");
            assertTrue(flags.canDecide().get());
            flags.decide(Decider.APPROVE).get(10, TimeUnit.SECONDS);
            // the message says the decision was recorded, unless the stream's "decided" event already reloaded the
            // inbox (then it counts the open flags); either way the audit log holds the decision
            assertTrue(flags.message().get().contains("recorded in the audit log")
                    || flags.message().get().endsWith(" 0 open."), flags.message().get());
            // the state comes back through the stream's "decided" event
            waitUntil(() -> flags.flags().getFirst().flag().state().equals("APPROVE"));
            assertEquals("approved: a real problem", flags.flags().getFirst().state());
            // who decided and why are read with the flag (GET /api/flags/{id}) when it is opened
            flags.selected().set(flags.flags().getFirst());
            waitUntil(() -> flags.numbers().contains(new DetailLine("Decided by",
                    "Dana (DIT): the B camera ran at 30 fps by mistake, tell the camera team")));
            var audit = appliance.review().audit();
            assertEquals("FLAG", audit.getLast().subjectType().name());
            assertEquals(raised.getFirst(), audit.getLast().subjectId());
            assertEquals("Dana", audit.getLast().decidedBy());

            // no plan imported: the board says how to get one
            station.coverage().refresh().get(10, TimeUnit.SECONDS);
            assertTrue(station.coverage().available().get(), station.coverage().message().get());
            assertTrue(station.coverage().message().get().startsWith("No plan"), station.coverage().message().get());
            // the outbox is read through /api/sync: the appliance's own status messages wait there (sync is off)
            station.modelSync().refresh().get(10, TimeUnit.SECONDS);
            assertTrue(station.modelSync().sync().stream().anyMatch(l -> l.label().equals("Queued")
                    && !l.value().startsWith("0 ")), station.modelSync().sync().toString());
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(50);
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
