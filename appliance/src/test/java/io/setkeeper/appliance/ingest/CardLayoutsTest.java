package io.setkeeper.appliance.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.mhl.MhlVerifier;
import io.setkeeper.appliance.ingest.mhl.VerificationReport;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera cards as the makers lay them out, and every checksum the DIT can choose: each offload ends DONE and its
 * destinations verify against the ASC MHL generation we wrote, with an independent verifier pass.
 */
class CardLayoutsTest {
    @TempDir
    Path tmp;

    static List<Arguments> layouts() {
        return List.of(
                Arguments.of("ARRI", List.of("A001R1AB/A001C001_261122_R1AB.mxf", "A001R1AB/A001C002_261122_R1AB.mxf",
                        "A001R1AB/A001R1AB.mhl")),
                Arguments.of("RED", List.of("A106_0811XX.RDM/A106_C037_0811XX.RDC/A106_C037_0811XX_001.R3D",
                        "A106_0811XX.RDM/A106_C037_0811XX.RDC/A106_C037_0811XX_002.R3D",
                        "A106_0811XX.RDM/A106_C037_0811XX.RDC/A106_C037_0811XX.RMD")),
                Arguments.of("Sony", List.of("XDROOT/Clip/A001C001_261122CR.MXF", "XDROOT/Clip/A001C001_261122CRM01.XML",
                        "XDROOT/MEDIAPRO.XML", "XDROOT/Sub/A001C001_261122CRS03.MXF")),
                Arguments.of("GoPro", List.of("DCIM/100GOPRO/GX010001.MP4", "DCIM/100GOPRO/GX010001.THM",
                        "DCIM/100GOPRO/GX010001.LRV", "MISC/version.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aCardOfEachMakerIsOffloadedAndItsCopiesVerifyAgainstTheirMhl(String maker, List<String> files)
            throws Exception {
        Path card = tmp.resolve(maker + "-card");
        Random random = new Random(maker.hashCode());
        for (String f : files) {
            SampleCards.write(card.resolve(f), random, 50_000 + random.nextInt(200_000));
        }
        OffloadJob job = offload(card, "xxh64");
        assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));
        for (OffloadJob.Destination d : job.destinations()) {
            VerificationReport report = MhlVerifier.verify(d.path());
            assertTrue(report.passed(), report.failures().toString());
            for (String f : files) {
                assertTrue(Files.isRegularFile(d.path().resolve(f)), f);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void everySelectableChecksumSealsAVerifiableGeneration(HashAlgorithm algorithm) throws Exception {
        Path card = SampleCards.arriCard(tmp, algorithm.ordinal());
        OffloadJob job = offload(card, algorithm.mhlName());
        assertEquals(OffloadJob.State.DONE, job.state(), () -> job.error().orElse(""));
        assertEquals(algorithm.mhlName(), job.algorithm());
        for (OffloadJob.Destination d : job.destinations()) {
            String manifest = Files.readString(Files.list(d.path().resolve("ascmhl"))
                    .filter(p -> p.toString().endsWith(".mhl")).findFirst().orElseThrow());
            assertTrue(manifest.contains("<" + algorithm.mhlName() + " "), manifest);
            VerificationReport report = MhlVerifier.verify(d.path());
            assertTrue(report.passed(), report.failures().toString());
        }
    }

    private OffloadJob offload(Path card, String algorithm) throws Exception {
        try (Database db = Database.open(tmp.resolve("db-" + algorithm + "-" + card.getFileName()))) {
            ProductionStore productions = new ProductionStore(db, Clock.systemUTC());
            productions.ensure("p", "p");
            JobStore jobs = new JobStore(db, Clock.systemUTC());
            try (OffloadService service = new OffloadService(productions, jobs, Checksums::factory,
                    new MhlSealer(Clock.systemUTC()), "xxh64", 64 * 1024, 1, Clock.systemUTC())) {
                Path base = tmp.resolve("out-" + algorithm + "-" + card.getFileName());
                String id = service.start(new OffloadRequest("p", Optional.empty(), card,
                        List.of(base.resolve("raid"), base.resolve("shuttle")), Optional.of(algorithm))).job().id();
                OffloadJob job;
                do {
                    Thread.sleep(20);
                    job = jobs.job(id).orElseThrow();
                } while (!job.state().finished());
                return job;
            }
        }
    }
}
