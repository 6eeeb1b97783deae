package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.Hasher;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the reference scenarios with our writer on copies of the scenario trees (same file dates, same clock
 * and host) and compares our manifests byte for byte with the reference's; the only allowed difference is the
 * {@code <tool>} line (ours says Setkeeper) and, through it, the C4 ids that cover it.
 */
class MhlWriterScenariosDataTest {
    private static final String THEIR_TOOL = "<tool version=\"0.3 alpha\">ascmhl.py</tool>";
    private static final String OUR_TOOL = "<tool version=\"0.1.0\">Setkeeper</tool>";
    private static final Instant DAY1 = Instant.parse("2020-01-16T09:15:00Z");
    private static final Instant DAY2 = Instant.parse("2020-01-17T14:30:00Z");

    private static Path ref(String relative) {
        return DirectoryHashesDataTest.scenarios().resolve(relative);
    }

    private static MhlGenerationWriter writer(Instant at) {
        return new MhlGenerationWriter("0.1.0", "myHost.local", Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Their manifest with our tool line. */
    private static String expected(Path theirs) throws IOException {
        return Files.readString(theirs).replace(THEIR_TOOL, OUR_TOOL);
    }

    /** Copies media (not the history) and gives files and folders the dates the reference manifest records. */
    private static Path media(Path from, Path to, Path datesFrom) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                String rel = from.relativize(p).toString();
                if (rel.equals("ascmhl") || rel.startsWith("ascmhl/") || rel.contains("/ascmhl")) {
                    continue;
                }
                Path target = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        setDates(to, ManifestXml.read(Files.readAllBytes(datesFrom), datesFrom.toString()));
        return to;
    }

    private static void setDates(Path root, MhlManifest manifest) throws IOException {
        for (MhlEntry e : manifest.entries()) {
            var date = e instanceof MhlEntry.FileEntry f ? f.lastModified() : ((MhlEntry.DirectoryEntry) e).lastModified();
            Files.setLastModifiedTime(root.resolve(e.path()), FileTime.from(date.toInstant()));
        }
    }

    /** What the copy engine would hand over: hashes of every file on disk in the given algorithms. */
    private static List<FileHashes> hashes(Path root, Set<HashAlgorithm> algorithms) throws IOException {
        List<FileHashes> out = new ArrayList<>();
        for (TreeItem item : TreeScanner.scan(root, IgnoreSpec.withDefaults(List.of()))) {
            if (item instanceof TreeItem.FileItem f) {
                out.add(new FileHashes(f.path(), MultiHasher.hashFile(root.resolve(f.path()), algorithms)));
            }
        }
        return out;
    }

    @Test
    void scenario01SealsACard(@TempDir Path tmp) throws IOException {
        Path theirs = ref("scenario_01/travel_01/A002R2EC/ascmhl/0001_A002R2EC_2020-01-16_091500Z.mhl");
        Path root = media(ref("scenario_01/travel_01/A002R2EC"), tmp.resolve("A002R2EC"), theirs);
        WriteResult result = writer(DAY1).write(root, MhlProcess.IN_PLACE, hashes(root, Set.of(HashAlgorithm.XXH64)));
        assertTrue(result.passed(), result.failures().toString());
        assertEquals(List.of(), result.hashedByWriter());
        assertEquals(1, result.generations().size());
        Path ours = result.generations().getFirst().manifest();
        assertEquals(theirs.getFileName(), ours.getFileName());
        assertEquals(expected(theirs), Files.readString(ours));
        assertEquals(Hasher.hash(HashAlgorithm.C4, expected(theirs).getBytes(StandardCharsets.UTF_8)),
                result.generations().getFirst().chainEntry().c4());
        assertEquals(Files.readString(ref("scenario_01/travel_01/A002R2EC/ascmhl/ascmhl_chain.xml"))
                        .replace("c43qQABrjeiU3kteaNFtgwufQRLKxgMJEZfNSj6LcZ8fKwB568U8As9eScRsnb64NfqiAYzjNUXs81tAxPB77PUThb",
                                result.generations().getFirst().chainEntry().c4()),
                Files.readString(root.resolve("ascmhl/ascmhl_chain.xml")));
        assertTrue(MhlVerifier.verify(root).passed());
    }

    /** Scenarios 02, 03, 04: the travel drive's copy (with its history) arrives at the server; a second generation. */
    private static Path secondGeneration(Path tmp, String scenario, Set<HashAlgorithm> algorithms,
                                         HashAlgorithm dirAlgorithm, boolean expectPass) throws IOException {
        Path root = Trees.copy(ref(scenario + "/travel_01/A002R2EC"), tmp.resolve("A002R2EC"));
        Path theirs = ref(scenario + "/file_server/A002R2EC/ascmhl/0002_A002R2EC_2020-01-17_143000Z.mhl");
        Files.copy(ref(scenario + "/file_server/A002R2EC/Sidecar.txt"), root.resolve("Sidecar.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        setDates(root, ManifestXml.read(Files.readAllBytes(theirs), theirs.toString()));
        WriteResult result = writer(DAY2).write(root, hashes(root, algorithms),
                new MhlGenerationWriter.Options(MhlProcess.IN_PLACE, dirAlgorithm, List.of(), null, null));
        assertEquals(expectPass, result.passed(), result.failures().toString());
        assertEquals(2, result.generations().getFirst().chainEntry().sequence());
        assertEquals(expected(theirs), Files.readString(result.generations().getFirst().manifest()));
        List<MhlChainEntry> chain = ChainXml.read(Files.readAllBytes(root.resolve("ascmhl/ascmhl_chain.xml")), "chain");
        assertEquals(2, chain.size());
        assertEquals(Hasher.hash(HashAlgorithm.C4, Files.readAllBytes(result.generations().getFirst().manifest())),
                chain.get(1).c4());
        assertTrue(MhlHistory.read(root).allIssues().isEmpty());
        return root;
    }

    @Test
    void scenario02VerifiesACopyOfACopy(@TempDir Path tmp) throws IOException {
        secondGeneration(tmp, "scenario_02", Set.of(HashAlgorithm.XXH64), HashAlgorithm.XXH64, true);
    }

    @Test
    void scenario03AddsMd5(@TempDir Path tmp) throws IOException {
        secondGeneration(tmp, "scenario_03", Set.of(HashAlgorithm.XXH64, HashAlgorithm.MD5), HashAlgorithm.MD5, true);
    }

    @Test
    void scenario04RecordsTheFailedSidecar(@TempDir Path tmp) throws IOException {
        Path root = secondGeneration(tmp, "scenario_04", Set.of(HashAlgorithm.XXH64), HashAlgorithm.XXH64, false);
        VerificationReport report = MhlVerifier.verify(root);
        assertFalse(report.passed());
        assertEquals("Sidecar.txt", report.failures().getFirst().path());
    }

    @Test
    void scenario05NestsTwoCardsUnderReels(@TempDir Path tmp) throws IOException {
        Path root = Trees.copy(ref("scenario_05/travel_01/Reels"), tmp.resolve("Reels"));
        Files.copy(ref("scenario_05/file_server/Reels/Summary.txt"), root.resolve("Summary.txt"));
        String[] cards = {"A002R2EC", "A003R2EC"};
        Path theirReels = ref("scenario_05/file_server/Reels/ascmhl/0001_Reels_2020-01-17_143000Z.mhl");
        setDates(root, ManifestXml.read(Files.readAllBytes(theirReels), "reels"));
        for (String card : cards) {
            Path theirs = ref("scenario_05/file_server/Reels/" + card + "/ascmhl/0002_" + card + "_2020-01-17_143000Z.mhl");
            setDates(root.resolve(card), ManifestXml.read(Files.readAllBytes(theirs), card));
        }
        WriteResult result = writer(DAY2).write(root, MhlProcess.IN_PLACE, hashes(root, Set.of(HashAlgorithm.XXH64)));
        assertTrue(result.passed(), result.failures().toString());
        assertEquals(3, result.generations().size());
        String reelsExpected = expected(theirReels);
        for (int i = 0; i < 2; i++) {
            Path theirs = ref("scenario_05/file_server/Reels/" + cards[i] + "/ascmhl/0002_" + cards[i] + "_2020-01-17_143000Z.mhl");
            WriteResult.Written ours = result.generations().get(i);
            assertEquals(root.resolve(cards[i] + "/ascmhl/0002_" + cards[i] + "_2020-01-17_143000Z.mhl"), ours.manifest());
            assertEquals(expected(theirs), Files.readString(ours.manifest()));
            String theirC4 = Hasher.hash(HashAlgorithm.C4, Files.readAllBytes(theirs));
            reelsExpected = reelsExpected.replace(theirC4, ours.chainEntry().c4());
        }
        WriteResult.Written reels = result.generations().get(2);
        assertEquals(1, reels.chainEntry().sequence());
        assertEquals(reelsExpected, Files.readString(reels.manifest()));
        VerificationReport report = MhlVerifier.verify(root);
        assertTrue(report.passed(), report.failures().toString());
        assertEquals(7, report.withStatus(FileStatus.VERIFIED).size());
    }
}
