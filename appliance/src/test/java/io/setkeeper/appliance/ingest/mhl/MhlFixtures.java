package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Generated trees and deterministic writers for the MHL unit tests (no shared data needed). */
final class MhlFixtures {
    static final Instant FILE_DATE = Instant.parse("2026-03-01T08:00:00Z");

    private MhlFixtures() {
    }

    static MhlGenerationWriter writer(String instant) {
        return new MhlGenerationWriter("0.1.0", "golden-host", Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /** Bytes from a 64-bit LCG, different per seed. */
    static byte[] bytes(int n, long seed) {
        byte[] out = new byte[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            out[i] = (byte) (x >>> 56);
        }
        return out;
    }

    /** A small camera card: two clips, a sidecar, an empty folder, Finder junk; all dated {@link #FILE_DATE}. */
    static Path card(Path root) throws IOException {
        Files.createDirectories(root.resolve("Clips"));
        Files.createDirectories(root.resolve("Empty"));
        Files.write(root.resolve("Clips/A001C001.mov"), bytes(100_000, 1));
        Files.write(root.resolve("Clips/A001C002.mov"), bytes(4_103, 2));
        Files.writeString(root.resolve("Sidecar.txt"), "Camera A, roll 001\n");
        Files.writeString(root.resolve(".DS_Store"), "ignored");
        for (String p : List.of("Clips/A001C001.mov", "Clips/A001C002.mov", "Sidecar.txt", "Clips", "Empty")) {
            Files.setLastModifiedTime(root.resolve(p), FileTime.from(FILE_DATE));
        }
        return root;
    }

    /** Hashes of every (non-ignored) file under root, as the copy engine would supply them. */
    static List<FileHashes> hashes(Path root, Collection<HashAlgorithm> algorithms) throws IOException {
        List<FileHashes> out = new ArrayList<>();
        for (TreeItem item : TreeScanner.scan(root, IgnoreSpec.withDefaults(List.of()))) {
            if (item instanceof TreeItem.FileItem f) {
                out.add(new FileHashes(f.path(), MultiHasher.hashFile(root.resolve(f.path()), algorithms)));
            }
        }
        return out;
    }
}
