package io.setkeeper.appliance.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offload service against a real H2 file and real folders. */
class OffloadServiceTest {
    @TempDir
    Path tmp;
    private Database db;
    private JobStore jobs;
    private OffloadService service;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("db"));
        ProductionStore productions = new ProductionStore(db, Clock.systemUTC());
        productions.ensure("signing-room", "The Signing Room");
        jobs = new JobStore(db, Clock.systemUTC());
        service = new OffloadService(productions, jobs, Checksums::factory, new MhlSealer(Clock.systemUTC()),
                "xxh64", 256 * 1024, 1, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        service.close();
        db.close();
    }

    @Test
    void givenACardWhenOffloadedToTwoDestinationsThenEveryFileIsVerifiedAndSealed() throws Exception {
        Path card = SampleCards.arriCard(tmp, 7);
        List<OffloadProgress> seen = new CopyOnWriteArrayList<>();
        service.progress().follow(seen::add);

        OffloadService.Started started = service.start(request(card, tmp.resolve("raid"), tmp.resolve("shuttle")));
        OffloadJob job = await(started.job().id());

        assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));
        List<JobFile> files = jobs.files(job.id());
        assertEquals(7, files.size(), "litter (.DS_Store) is not copied");
        for (JobFile f : files) {
            assertEquals(JobFile.FileState.VERIFIED, f.state(), f.file().relPath());
            for (Path dest : List.of(tmp.resolve("raid"), tmp.resolve("shuttle"))) {
                assertArrayEquals(Files.readAllBytes(card.resolve(f.file().relPath())),
                        Files.readAllBytes(dest.resolve(f.file().relPath())));
            }
        }
        for (OffloadJob.Destination d : job.destinations()) {
            assertEquals(OffloadJob.DestinationState.SEALED, d.state());
            assertEquals(Optional.of(1), d.mhlGeneration());
            assertTrue(Files.isRegularFile(d.path().resolve("ascmhl/ascmhl_chain.xml")));
        }
        assertFalse(Files.exists(tmp.resolve("raid/.DS_Store")));
        assertTrue(seen.stream().anyMatch(p -> p.phase() == OffloadJob.State.VERIFYING));
        assertEquals(1.0, seen.getLast().fraction(), 1e-9);
    }

    @Test
    void givenAnOffloadedCardWhenOffloadedAgainThenTheSameJobIsReturnedAndNothingIsCopied() throws Exception {
        Path card = SampleCards.arriCard(tmp, 8);
        OffloadRequest request = request(card, tmp.resolve("raid"), tmp.resolve("shuttle"));
        String first = service.start(request).job().id();
        await(first);
        Path copy = tmp.resolve("raid/A001R1AB/A001C001_261122_R1AB.mov");
        long modified = Files.getLastModifiedTime(copy).toMillis();
        long inode = (long) Files.getAttribute(copy, "unix:ino");

        OffloadService.Started again = service.start(request);

        assertTrue(again.repeat());
        assertEquals(first, again.job().id());
        assertEquals(OffloadJob.State.DONE, again.job().state());
        assertEquals(inode, (long) Files.getAttribute(copy, "unix:ino"), "not rewritten");
        assertEquals(modified, Files.getLastModifiedTime(copy).toMillis());
        assertEquals(1, jobs.all("signing-room").size());
    }

    @Test
    void givenACopyAlteredAfterCopyingWhenVerifiedThenItIsNeverMarkedVerified() throws Exception {
        Path card = SampleCards.arriCard(tmp, 9);
        Path raid = tmp.resolve("raid");
        // a corrupting destination: flip a byte of the first clip as soon as it is renamed into place
        service.progress().follow(p -> {
            if (p.phase() == OffloadJob.State.VERIFYING) {
                flipFirstByte(raid.resolve("A001R1AB/A001C001_261122_R1AB.mov"));
            }
        });
        String id = service.start(request(card, raid, tmp.resolve("shuttle"))).job().id();
        OffloadJob job = await(id);

        assertEquals(OffloadJob.State.FAILED, job.state());
        JobFile clip = jobs.files(id).stream()
                .filter(f -> f.file().relPath().equals("A001R1AB/A001C001_261122_R1AB.mov")).findFirst().orElseThrow();
        assertEquals(JobFile.CopyState.FAILED, clip.copies().get(0).state());
        assertTrue(clip.copies().get(0).error().orElseThrow().startsWith("HASH_MISMATCH"));
        assertEquals(JobFile.CopyState.VERIFIED, clip.copies().get(1).state());
        assertTrue(job.error().orElseThrow().contains("not verified"), job.error().orElseThrow());
    }

    @Test
    void overlappingOrMissingFoldersAreRefusedWithTheReason() throws Exception {
        Path card = SampleCards.arriCard(tmp, 10);
        var inside = assertThrows(IllegalArgumentException.class,
                () -> service.start(request(card, card.resolve("backup"))));
        assertTrue(inside.getMessage().contains("overlap"));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> service.start(request(tmp.resolve("nope"), tmp.resolve("raid"))));
        assertTrue(missing.getMessage().contains("not found"));
        var twice = assertThrows(IllegalArgumentException.class,
                () -> service.start(request(card, tmp.resolve("raid"), tmp.resolve("raid"))));
        assertTrue(twice.getMessage().contains("twice"));
    }

    private static OffloadRequest request(Path card, Path... dests) {
        return new OffloadRequest("signing-room", Optional.empty(), card, List.of(dests), Optional.empty());
    }

    private static boolean flipped;

    private static synchronized void flipFirstByte(Path p) {
        if (flipped || !Files.exists(p)) {
            return;
        }
        try {
            byte[] b = Files.readAllBytes(p);
            b[0] ^= 0x5a;
            Files.write(p, b);
            flipped = true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffloadJob await(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            OffloadJob j = jobs.job(id).orElseThrow();
            if (j.state().finished()) {
                return j;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("offload did not finish: " + jobs.job(id));
    }
}
