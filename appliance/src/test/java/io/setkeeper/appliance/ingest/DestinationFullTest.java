package io.setkeeper.appliance.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination that runs out of space (a real 2 MiB tmpfs) fails that destination clearly; the other destination
 * is written and verified in full, and the card is untouched. Needs root to mount (CI and this machine run as root).
 */
class DestinationFullTest {
    @TempDir
    Path tmp;
    private Path small;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        small = tmp.resolve("small");
        Files.createDirectories(small);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "cannot mount a tmpfs here (needs root): " + new String(
                p.getInputStream().readAllBytes()));
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", small.toString()).start().waitFor();
    }

    @Test
    void aFullDestinationFailsAloneAndTheOtherIsVerified() throws Exception {
        Path card = tmp.resolve("A003");
        Random random = new Random(3);
        for (int i = 1; i <= 4; i++) {
            SampleCards.write(card.resolve("A003C00" + i + ".mov"), random, 1_000_000);
        }
        Map<String, byte[]> before = contents(card);
        try (Database db = Database.open(tmp.resolve("db"))) {
            ProductionStore productions = new ProductionStore(db, Clock.systemUTC());
            productions.ensure("p", "p");
            JobStore jobs = new JobStore(db, Clock.systemUTC());
            try (OffloadService service = new OffloadService(productions, jobs, Checksums::factory,
                    new MhlSealer(Clock.systemUTC()), "xxh64", 64 * 1024, 1, Clock.systemUTC())) {
                String id = service.start(new OffloadRequest("p", Optional.empty(), card,
                        List.of(small.resolve("A003"), tmp.resolve("raid")), Optional.empty())).job().id();
                OffloadJob job;
                do {
                    Thread.sleep(50);
                    job = jobs.job(id).orElseThrow();
                } while (!job.state().finished());

                assertEquals(OffloadJob.State.FAILED, job.state());
                OffloadJob.Destination full = job.destinations().get(0);
                assertEquals(OffloadJob.DestinationState.FAILED, full.state());
                assertTrue(full.error().orElseThrow().contains("full"), full.error().orElseThrow());
                OffloadJob.Destination raid = job.destinations().get(1);
                assertEquals(OffloadJob.DestinationState.SEALED, raid.state(), raid.error().orElse(""));
                for (JobFile f : jobs.files(id)) {
                    assertEquals(JobFile.CopyState.VERIFIED, f.copies().get(1).state(), f.file().relPath());
                    assertTrue(f.copies().get(0).state() != JobFile.CopyState.VERIFIED
                            || Files.exists(small.resolve("A003").resolve(f.file().relPath())));
                }
                assertTrue(job.error().orElseThrow().contains(small.toString()), job.error().orElseThrow());
            }
        }
        Map<String, byte[]> after = contents(card);
        assertEquals(before.keySet(), after.keySet(), "the card is untouched");
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        FileCopierTest.assertNoTempFiles(small);
    }

    private static Map<String, byte[]> contents(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toMap(p -> dir.relativize(p).toString(), p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }
}
