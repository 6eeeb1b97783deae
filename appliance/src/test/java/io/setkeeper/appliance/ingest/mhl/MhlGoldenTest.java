package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden output: two generations for a fixed generated card with a fixed clock and host, compared with the
 * committed files in {@code src/test/resources/mhl/golden/} (on a mismatch the actual output is left in
 * {@code target/mhl-golden-actual/} for review).
 */
class MhlGoldenTest {

    @Test
    void twoGenerationsMatchTheCommittedOutput(@TempDir Path tmp) throws IOException {
        Path card = MhlFixtures.card(tmp.resolve("A001R1AB"));
        WriteResult first = MhlFixtures.writer("2026-03-01T09:15:00Z").write(card, MhlProcess.TRANSFER,
                MhlFixtures.hashes(card, List.of(HashAlgorithm.XXH64)));
        assertTrue(first.passed());
        assertEquals(3, first.files().stream().filter(f -> f.status() == FileStatus.ORIGINAL).count());
        compare(card, "0001_A001R1AB_2026-03-01_091500Z.mhl");
        compare(card, "ascmhl_chain.xml", "ascmhl_chain_1.xml");

        WriteResult second = MhlFixtures.writer("2026-03-02T18:05:09Z").write(card, MhlProcess.IN_PLACE,
                MhlFixtures.hashes(card, List.of(HashAlgorithm.XXH64, HashAlgorithm.XXH3_128)));
        assertTrue(second.passed());
        assertEquals(3, second.files().stream().filter(f -> f.status() == FileStatus.VERIFIED).count());
        compare(card, "0002_A001R1AB_2026-03-02_180509Z.mhl");
        compare(card, "ascmhl_chain.xml", "ascmhl_chain_2.xml");
    }

    private static void compare(Path card, String name) throws IOException {
        compare(card, name, name);
    }

    private static void compare(Path card, String name, String golden) throws IOException {
        String actual = Files.readString(card.resolve("ascmhl").resolve(name));
        String expected;
        try (InputStream in = MhlGoldenTest.class.getResourceAsStream("/mhl/golden/" + golden)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path out = Files.createDirectories(Path.of("target/mhl-golden-actual"));
            Files.writeString(out.resolve(golden), actual);
        }
        assertEquals(expected, actual, golden);
    }
}
