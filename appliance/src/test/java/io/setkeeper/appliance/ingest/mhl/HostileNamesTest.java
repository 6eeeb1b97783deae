package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names a card or an editor can produce survive write, read and verify unchanged. */
class HostileNamesTest {
    private static final String NFC = Normalizer.normalize("Café é.mov", Normalizer.Form.NFC);
    private static final String NFD = Normalizer.normalize("Crème brûlée.mov", Normalizer.Form.NFD);
    private static final String LONG = "L".repeat(200) + " ümlaut " + "x".repeat(30) + ".mov";
    private static final List<String> NAMES = List.of(NFC, NFD, LONG, " leading and trailing .txt",
            "a&b <c> \"d\" 'e'.txt", "🎬 take 1.mov", "日本語のクリップ.mxf", "tab\there.txt", "line\nbreak.txt",
            "#hash;semi%20.txt", "deep/er dir/ß.wav");

    private static Path tree(Path root) throws IOException {
        for (String name : NAMES) {
            Path p = root.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "content of " + name);
        }
        return root;
    }

    @Test
    void namesRoundTripThroughWriteReadAndVerify(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp.resolve("Rolle 01 – Tag ü"));
        WriteResult result = MhlFixtures.writer("2026-03-01T09:00:00Z").write(root, MhlProcess.TRANSFER,
                MhlFixtures.hashes(root, List.of(HashAlgorithm.XXH64)));
        assertTrue(result.passed(), result.failures().toString());
        assertEquals(List.of(), result.hashedByWriter());
        MhlHistory history = MhlHistory.read(root);
        assertEquals(List.of(), history.allIssues());
        assertEquals(new TreeSet<>(NAMES), new TreeSet<>(history.filePaths()));
        assertTrue(history.filePaths().contains(NFD), "NFD bytes are kept as they are on disk");
        assertEquals(NFD.getBytes(StandardCharsets.UTF_8).length,
                history.filePaths().stream().filter(p -> p.startsWith("Cre")).findFirst().orElseThrow()
                        .getBytes(StandardCharsets.UTF_8).length);
        VerificationReport report = MhlVerifier.verify(root);
        assertTrue(report.passed(), report.failures().toString());
        assertEquals(NAMES.size(), report.withStatus(FileStatus.VERIFIED).size());
        assertEquals(List.of(), report.withStatus(FileStatus.NEW));
    }

    @Test
    void aNameRenormalisedByAFileSystemStillVerifies(@TempDir Path tmp) throws IOException {
        Path root = tree(tmp.resolve("card"));
        MhlFixtures.writer("2026-03-01T09:00:00Z").write(root, MhlProcess.TRANSFER,
                MhlFixtures.hashes(root, List.of(HashAlgorithm.XXH64)));
        // a copy through a normalising file system (macOS, SMB) turns the NFD name into NFC
        Files.move(root.resolve(NFD), root.resolve(Normalizer.normalize(NFD, Normalizer.Form.NFC)));
        VerificationReport report = MhlVerifier.verify(root);
        assertTrue(report.passed(), report.failures().toString());
        assertEquals(NAMES.size(), report.withStatus(FileStatus.VERIFIED).size());
    }

    @Test
    void aVeryLongRootNameGivesAManifestNameThatFits(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("R".repeat(120) + "é".repeat(60)));
        Files.writeString(root.resolve("clip.mov"), "x");
        WriteResult result = MhlFixtures.writer("2026-03-01T09:00:00Z").write(root, MhlProcess.IN_PLACE, List.of());
        String name = result.generations().getFirst().manifest().getFileName().toString();
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertTrue(name.startsWith("0001_RRR") && name.endsWith("_2026-03-01_090000Z.mhl"), name);
        assertEquals(Set.of("clip.mov"), Set.copyOf(MhlHistory.read(root).filePaths()));
        assertEquals(List.of("clip.mov"), result.hashedByWriter());
    }
}
