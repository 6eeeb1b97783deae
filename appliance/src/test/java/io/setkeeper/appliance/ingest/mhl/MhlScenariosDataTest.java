package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and verifying the reference implementation's five worked scenarios, and tampered copies of them. */
class MhlScenariosDataTest {

    private static Path scenario(String relative) {
        return DirectoryHashesDataTest.scenarios().resolve(relative);
    }

    @Test
    void everyScenarioManifestAndChainRoundTripsByteForByte() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(DirectoryHashesDataTest.scenarios())) {
            files = all.filter(p -> p.getParent().getFileName().toString().equals("ascmhl")).toList();
        }
        assertEquals(29, files.size());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] again = file.getFileName().toString().equals(ChainXml.FILE_NAME)
                    ? ChainXml.write(ChainXml.read(bytes, file.toString()))
                    : ManifestXml.write(ManifestXml.read(bytes, file.toString()));
            assertArrayEquals(bytes, again, file.toString());
        }
    }

    @Test
    void historiesReadWithIntactChains() {
        MhlHistory s03 = MhlHistory.read(scenario("scenario_03/file_server/A002R2EC"));
        assertEquals(2, s03.generations().size());
        assertTrue(s03.generations().stream().allMatch(MhlGeneration::intact));
        assertEquals(List.of(), s03.allIssues());
        assertEquals(3, s03.nextSequence());
        assertEquals(List.of(HashAlgorithm.XXH64, HashAlgorithm.MD5), s03.recordedAlgorithms("Sidecar.txt"));
        assertEquals("3ab5a4166b9bde44", s03.originalHash("Sidecar.txt").orElseThrow().value());
        MhlManifest second = s03.generations().get(1).manifest();
        assertEquals("6fae2da9bc6dca45486cb91bfea6db70", second.rootHashes().getFirst().content());
        assertEquals(MhlHashAction.VERIFIED, second.files().getFirst().hashes().getFirst().action());

        MhlHistory reels = MhlHistory.read(scenario("scenario_05/file_server/Reels"));
        assertEquals(1, reels.generations().size());
        assertEquals(List.of("A002R2EC", "A003R2EC"), reels.children().stream().map(MhlHistory::pathInParent).toList());
        assertEquals(2, reels.generations().getFirst().manifest().references().size());
        assertEquals(List.of(), reels.allIssues());
        MhlHistory.Located at = reels.locate("A003R2EC/Clips/A003C011_141024_R2EC.mov");
        assertEquals("Clips/A003C011_141024_R2EC.mov", at.path());
        assertEquals("52392f79a36d6571", at.history().originalHash(at.path()).orElseThrow().value());
    }

    @Test
    void scenarios01To03And05Verify() throws IOException {
        for (String root : List.of("scenario_01/travel_01/A002R2EC", "scenario_02/travel_01/A002R2EC",
                "scenario_02/file_server/A002R2EC", "scenario_03/file_server/A002R2EC",
                "scenario_04/travel_01/A002R2EC", "scenario_05/travel_01/Reels", "scenario_05/file_server/Reels")) {
            VerificationReport report = MhlVerifier.verify(scenario(root));
            assertTrue(report.passed(), root + ": " + report.failures());
            assertEquals(List.of(), report.withStatus(FileStatus.NEW), root);
        }
        VerificationReport reels = MhlVerifier.verify(scenario("scenario_05/file_server/Reels"));
        assertEquals(7, reels.withStatus(FileStatus.VERIFIED).size());
    }

    @Test
    void scenario04FailsOnSidecar() throws IOException {
        VerificationReport report = MhlVerifier.verify(scenario("scenario_04/file_server/A002R2EC"));
        assertFalse(report.passed());
        assertEquals(1, report.failures().size());
        FileResult failed = (FileResult) report.failures().getFirst();
        assertEquals("Sidecar.txt", failed.path());
        assertEquals("MHL_FILE_HASH_MISMATCH", failed.code());
        assertEquals("3ab5a4166b9bde44", failed.expected());
        assertEquals("70d2cf31aaa3eac4", failed.actual());
        assertEquals(2, report.withStatus(FileStatus.VERIFIED).size());
    }

    @Test
    void tamperedCopiesAreCaught(@TempDir Path tmp) throws IOException {
        Path edited = Trees.copy(scenario("scenario_02/file_server/A002R2EC"), tmp.resolve("edited"));
        Files.writeString(edited.resolve("Clips/A002C006_141024_R2EC.mov"), "BAD!!");
        assertEquals(List.of("Clips/A002C006_141024_R2EC.mov"), paths(MhlVerifier.verify(edited), FileStatus.FAILED));

        Path deleted = Trees.copy(scenario("scenario_02/file_server/A002R2EC"), tmp.resolve("deleted"));
        Files.delete(deleted.resolve("Clips/A002C007_141024_R2EC.mov"));
        VerificationReport d = MhlVerifier.verify(deleted);
        assertEquals(List.of("Clips/A002C007_141024_R2EC.mov"), paths(d, FileStatus.MISSING));
        assertEquals("MHL_FILE_MISSING", d.failures().getFirst().code());

        Path extra = Trees.copy(scenario("scenario_02/file_server/A002R2EC"), tmp.resolve("extra"));
        Files.writeString(extra.resolve("Clips/stray.txt"), "x");
        Files.writeString(extra.resolve(".DS_Store"), "finder junk is ignored");
        VerificationReport e = MhlVerifier.verify(extra);
        assertEquals(List.of("Clips/stray.txt"), paths(e, FileStatus.NEW));
        assertTrue(e.passed(), "a new file alone is reported, not a failure");

        Path manifest = Trees.copy(scenario("scenario_02/file_server/A002R2EC"), tmp.resolve("manifest"));
        Path gen1 = manifest.resolve("ascmhl/0001_A002R2EC_2020-01-16_091500Z.mhl");
        Files.writeString(gen1, Files.readString(gen1).replace("myHost.local", "evil.local"));
        VerificationReport m = MhlVerifier.verify(manifest);
        assertFalse(m.passed());
        assertEquals(IntegrityIssue.Problem.MANIFEST_C4_MISMATCH, m.issues().getFirst().problem());
        assertEquals("ascmhl/0001_A002R2EC_2020-01-16_091500Z.mhl", m.issues().getFirst().path());
        assertEquals(3, m.withStatus(FileStatus.VERIFIED).size(), "the files are still checked");

        Path nested = Trees.copy(scenario("scenario_05/file_server/Reels"), tmp.resolve("nested"));
        Path child = nested.resolve("A003R2EC/ascmhl/0002_A003R2EC_2020-01-17_143000Z.mhl");
        Files.writeString(child, Files.readString(child).replace("myHost.local", "evil.local"));
        List<String> problems = MhlVerifier.verify(nested).issues().stream()
                .map(i -> i.code() + " " + i.path()).toList();
        assertEquals(List.of("MHL_REFERENCE_MISMATCH A003R2EC/ascmhl/0002_A003R2EC_2020-01-17_143000Z.mhl",
                "MHL_MANIFEST_C4_MISMATCH A003R2EC/ascmhl/0002_A003R2EC_2020-01-17_143000Z.mhl"), problems);
    }

    @Test
    void brokenManifestIsReportedAndTheRestStillVerifies(@TempDir Path tmp) throws IOException {
        Path root = Trees.copy(scenario("scenario_02/file_server/A002R2EC"), tmp.resolve("broken"));
        Files.writeString(root.resolve("ascmhl/0002_A002R2EC_2020-01-17_143000Z.mhl"), "<hashlist");
        VerificationReport report = MhlVerifier.verify(root);
        List<IntegrityIssue.Problem> problems = report.issues().stream().map(IntegrityIssue::problem).toList();
        assertEquals(List.of(IntegrityIssue.Problem.MANIFEST_C4_MISMATCH, IntegrityIssue.Problem.MANIFEST_UNREADABLE),
                problems);
        assertEquals(3, report.withStatus(FileStatus.VERIFIED).size());
    }

    private static List<String> paths(VerificationReport report, FileStatus status) {
        return report.withStatus(status).stream().map(FileResult::path).toList();
    }
}
