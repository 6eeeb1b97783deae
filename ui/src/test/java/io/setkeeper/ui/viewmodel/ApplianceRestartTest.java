package io.setkeeper.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.TestAppliance;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance is stopped while the station follows a running offload and started again on the same port with
 * the same H2 file: the station says the stream dropped, reconnects, and the job it shows reaches 100 % and a full
 * verification. (The appliance's graceful stop lets a short job finish, so the second appliance usually finds it
 * done; what is tested is the station's side: the dropped stream, the reconnect, the final state.)
 */
class ApplianceRestartTest {
    @TempDir
    Path tmp;

    @Test
    void aJobFollowedAcrossAnApplianceRestartFinishes() throws Exception {
        Path card = tmp.resolve("cards/C001");
        Files.createDirectories(card);
        byte[] block = new byte[1 << 20];
        new Random(11).nextBytes(block);
        for (int f = 0; f < 4; f++) {
            try (OutputStream out = Files.newOutputStream(card.resolve("C001C00" + f + ".bin"))) {
                for (int i = 0; i < 96; i++) {
                    block[0] = (byte) i;
                    block[1] = (byte) f;
                    out.write(block);
                }
            }
        }
        Path data = tmp.resolve("data");
        TestAppliance first = new TestAppliance(data);
        int port = first.port();
        try (Async async = Async.direct()) {
            StationViewModel station = new StationViewModel(async);
            station.connection().address().set(first.address());
            station.connection().token().set(first.token("Dana", "DIT"));
            station.connection().connect().get(10, TimeUnit.SECONDS);
            OffloadViewModel offload = station.offload();
            offload.source().set(card.toString());
            offload.destinations().set(tmp.resolve("raid/C001") + ";" + tmp.resolve("shuttle/C001"));
            offload.start().get(10, TimeUnit.SECONDS);
            JobViewModel job = offload.jobs().getFirst();
            CopyOnWriteArrayList<String> errors = new CopyOnWriteArrayList<>();
            job.error().addListener((o, a, b) -> errors.add(b));

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (job.fraction().get() <= 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(job.fraction().get() > 0 && job.fraction().get() < 1,
                    "caught running: " + job.fraction().get());
            first.close();
            try (TestAppliance second = new TestAppliance(data, port)) {
                offload.whenFinished(job.id()).get(120, TimeUnit.SECONDS);
                assertEquals("DONE", job.state().get(), job.error().get());
                assertEquals(1.0, job.fraction().get(), 1e-9);
                assertTrue(job.verification().get().startsWith("Verified: 4 of 4 files"), job.verification().get());
                assertTrue(errors.stream().anyMatch(e -> e.contains("Reconnecting")), errors.toString());
                assertEquals("", job.error().get());
                assertEquals(second.port(), port);
            }
        }
    }
}
