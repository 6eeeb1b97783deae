package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending generations: copies of copies, tampering between copies, missing files, supplied vs read hashes. */
class MhlGenerationWriterTest {

    private static Path sealedCopy(Path tmp) throws IOException {
        Path card = MhlFixtures.card(tmp.resolve("travel/A001R1AB"));
        MhlFixtures.writer("2026-03-01T09:15:00Z").write(card, MhlProcess.TRANSFER,
                MhlFixtures.hashes(card, List.of(HashAlgorithm.XXH64)));
        return Trees.copy(card, tmp.resolve("server/A001R1AB"));
    }

    private static Map<String, FileStatus> statuses(WriteResult r) {
        return r.files().stream().collect(Collectors.toMap(FileResult::path, FileResult::status));
    }

    @Test
    void aCopyOfACopyAppendsAVerifiedSecondGeneration(@TempDir Path tmp) throws IOException {
        Path copy = sealedCopy(tmp);
        WriteResult r = MhlFixtures.writer("2026-03-02T10:00:00Z").write(copy, MhlProcess.TRANSFER,
                MhlFixtures.hashes(copy, List.of(HashAlgorithm.XXH64, HashAlgorithm.MD5)));
        assertTrue(r.passed(), r.failures().toString());
        assertEquals(Map.of("Clips/A001C001.mov", FileStatus.VERIFIED, "Clips/A001C002.mov", FileStatus.VERIFIED,
                "Sidecar.txt", FileStatus.VERIFIED), statuses(r));
        assertEquals(2, r.generations().getFirst().chainEntry().sequence());
        MhlHistory h = MhlHistory.read(copy);
        assertEquals(2, h.generations().size());
        assertEquals(List.of(MhlHashAction.VERIFIED, MhlHashAction.VERIFIED),
                h.generations().get(1).manifest().files().getFirst().hashes().stream().map(MhlHashEntry::action).toList());
        assertEquals(Set.of(HashAlgorithm.XXH64, HashAlgorithm.MD5),
                MhlGenerationWriter.algorithmsToCompute(h, "Sidecar.txt", List.of(HashAlgorithm.MD5)));
    }

    @Test
    void aFileCorruptedBetweenCopiesIsRecordedAsFailed(@TempDir Path tmp) throws IOException {
        Path copy = sealedCopy(tmp);
        byte[] clip = Files.readAllBytes(copy.resolve("Clips/A001C002.mov"));
        clip[4000] ^= 1;
        Files.write(copy.resolve("Clips/A001C002.mov"), clip);
        WriteResult r = MhlFixtures.writer("2026-03-02T10:00:00Z").write(copy, MhlProcess.TRANSFER,
                MhlFixtures.hashes(copy, List.of(HashAlgorithm.XXH64, HashAlgorithm.SHA1)));
        assertFalse(r.passed());
        FileResult failed = (FileResult) r.failures().getFirst();
        assertEquals("Clips/A001C002.mov", failed.path());
        assertEquals(HashAlgorithm.XXH64, failed.algorithm());
        assertEquals(1, r.failures().size());
        MhlManifest second = MhlHistory.read(copy).generations().get(1).manifest();
        MhlEntry.FileEntry entry = second.files().stream().filter(f -> f.path().equals("Clips/A001C002.mov"))
                .findFirst().orElseThrow();
        assertEquals(List.of(MhlHashAction.FAILED, MhlHashAction.FAILED),
                entry.hashes().stream().map(MhlHashEntry::action).toList(), "the new sha1 of bad data is not verified");
        assertEquals("Clips/A001C002.mov", MhlVerifier.verify(copy).failures().getFirst().path());
    }

    @Test
    void missingAndNewFilesAreReportedAndNewOnesRecorded(@TempDir Path tmp) throws IOException {
        Path copy = sealedCopy(tmp);
        Files.delete(copy.resolve("Sidecar.txt"));
        Files.writeString(copy.resolve("Clips/A001C003.mov"), "new clip");
        WriteResult r = MhlFixtures.writer("2026-03-02T10:00:00Z").write(copy, MhlProcess.TRANSFER,
                MhlFixtures.hashes(copy, List.of(HashAlgorithm.XXH64)));
        assertEquals(FileStatus.MISSING, statuses(r).get("Sidecar.txt"));
        assertEquals(FileStatus.ORIGINAL, statuses(r).get("Clips/A001C003.mov"));
        assertEquals(List.of("Sidecar.txt"), r.failures().stream().map(MhlFinding::path).toList());
        List<FileResult> streamed = new java.util.ArrayList<>();
        VerificationReport v = MhlVerifier.verify(copy, streamed::add);
        assertEquals(v.files(), streamed);
        assertEquals(List.of("Sidecar.txt"), v.withStatus(FileStatus.MISSING).stream().map(FileResult::path).toList());
        assertEquals(3, v.withStatus(FileStatus.VERIFIED).size());
    }

    @Test
    void hashesTheCallerDidNotSupplyAreReadOnceAndListed(@TempDir Path tmp) throws IOException {
        Path copy = sealedCopy(tmp);
        List<FileHashes> partial = MhlFixtures.hashes(copy, List.of(HashAlgorithm.MD5)).subList(0, 2);
        WriteResult r = MhlFixtures.writer("2026-03-02T10:00:00Z").write(copy, MhlProcess.IN_PLACE, partial);
        assertTrue(r.passed(), r.failures().toString());
        assertEquals(List.of("Clips/A001C001.mov", "Clips/A001C002.mov", "Sidecar.txt"), r.hashedByWriter(),
                "xxh64 (history and directory hashes) was not supplied for any file");
        WriteResult stray = MhlFixtures.writer("2026-03-03T10:00:00Z").write(copy, MhlProcess.IN_PLACE,
                List.of(new FileHashes("Clips/gone.mov", Map.of(HashAlgorithm.XXH64, "0000000000000000"))));
        assertEquals(FileStatus.MISSING, statuses(stray).get("Clips/gone.mov"));
    }

    @Test
    void anUnreadableChainIsNeverOverwritten(@TempDir Path tmp) throws IOException {
        Path copy = sealedCopy(tmp);
        Path chain = copy.resolve("ascmhl/ascmhl_chain.xml");
        Files.writeString(chain, "<ascmhldirectory");
        assertThrows(MhlFormatException.class, () -> MhlFixtures.writer("2026-03-02T10:00:00Z")
                .write(copy, MhlProcess.IN_PLACE, MhlFixtures.hashes(copy, List.of(HashAlgorithm.XXH64))));
        assertEquals("<ascmhldirectory", Files.readString(chain));
        try (var files = Files.list(copy.resolve("ascmhl"))) {
            assertEquals(2, files.count(), "no manifest was added");
        }
    }

    @Test
    void nestedHistoriesEachGetAGenerationAndTheParentReferencesThem(@TempDir Path tmp) throws IOException {
        Path reels = tmp.resolve("Reels");
        for (String card : List.of("A001", "B001")) {
            Path c = MhlFixtures.card(reels.resolve(card));
            MhlFixtures.writer("2026-03-01T09:15:00Z").write(c, MhlProcess.TRANSFER,
                    MhlFixtures.hashes(c, List.of(HashAlgorithm.XXH64)));
        }
        Files.writeString(reels.resolve("Summary.txt"), "two cards");
        WriteResult r = MhlFixtures.writer("2026-03-02T10:00:00Z").write(reels, MhlProcess.IN_PLACE,
                MhlFixtures.hashes(reels, List.of(HashAlgorithm.XXH64)));
        assertTrue(r.passed(), r.failures().toString());
        assertEquals(List.of("A001/ascmhl", "B001/ascmhl", "ascmhl"), r.generations().stream()
                .map(w -> reels.relativize(w.manifest().getParent()).toString()).toList());
        assertEquals(7, r.files().stream().filter(f -> f.status() == FileStatus.VERIFIED
                || f.status() == FileStatus.ORIGINAL).count());
        MhlHistory h = MhlHistory.read(reels);
        assertEquals(List.of(), h.allIssues());
        MhlManifest top = h.generations().getFirst().manifest();
        assertEquals(List.of("Summary.txt"), top.files().stream().map(MhlEntry::path).toList());
        assertEquals(List.of("A001", "B001"), top.directories().stream().map(MhlEntry::path).toList());
        assertEquals(2, top.references().size());
        assertEquals(top.directories().getFirst().hashes(), h.children().getFirst().generations().get(1).manifest().rootHashes());
    }

    @Test
    void ignorePatternsFollowTheReference() {
        IgnoreSpec spec = IgnoreSpec.withDefaults(List.of("*.tmp", "cache/", "Clips/skip?.mov"));
        assertTrue(spec.ignores("a/b/.DS_Store", false));
        assertTrue(spec.ignores("ascmhl", true));
        assertTrue(spec.ignores("x/y.tmp", false));
        assertTrue(spec.ignores("deep/cache", true));
        assertFalse(spec.ignores("deep/cache", false), "cache/ only matches directories");
        assertTrue(spec.ignores("Clips/skip1.mov", false));
        assertFalse(spec.ignores("Other/skip1.mov", false), "a pattern with a slash is anchored");
        assertFalse(spec.ignores("clip.mov", false));
        assertEquals(List.of(".DS_Store", "ascmhl", "ascmhl/", "*.tmp", "cache/", "Clips/skip?.mov"), spec.patterns());
    }

    @Test
    void malformedXmlIsRejectedWithoutResolvingEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<hashlist version=\"2.0\" xmlns=\"urn:ASC:MHL:v2.0\">&e;</hashlist>";
        MhlFormatException e = assertThrows(MhlFormatException.class,
                () -> ManifestXml.read(xxe.getBytes(), "evil.mhl"));
        assertTrue(e.getMessage().startsWith("evil.mhl"), e.getMessage());
        assertThrows(MhlFormatException.class, () -> ManifestXml.read("<other/>".getBytes(), "x"));
        assertThrows(MhlFormatException.class, () -> ChainXml.read(
                "<ascmhldirectory xmlns=\"urn:ASC:MHL:DIRECTORY:v2.0\"><hashlist sequencenr=\"one\"/></ascmhldirectory>"
                        .getBytes(), "chain"));
    }
}
