package io.setkeeper.appliance.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCopierTest {
    @TempDir
    Path tmp;

    @Test
    void copiesToEveryDestinationAndHashesWhileCopying() throws IOException {
        Path src = tmp.resolve("src/clip.mov");
        SampleCards.write(src, new Random(1), 5_000_001);
        Map<Integer, Path> targets = Map.of(0, tmp.resolve("d0/clip.mov"), 1, tmp.resolve("d1/clip.mov"));
        CopyOutcome out;
        try (FileCopier copier = new FileCopier(64 * 1024)) {
            out = copier.copy(src, null, targets, Checksums.factory("xxh64").start(), n -> { });
        }
        CopyOutcome.Copied copied = assertInstanceOf(CopyOutcome.Copied.class, out);
        assertTrue(copied.failedDestinations().isEmpty());
        Checksum reference = Checksums.factory("xxh64").start();
        byte[] bytes = Files.readAllBytes(src);
        reference.update(bytes, 0, bytes.length);
        assertEquals(reference.digest(), copied.sourceHash());
        for (Path t : targets.values()) {
            assertArrayEquals(bytes, Files.readAllBytes(t));
            assertEquals(Files.getLastModifiedTime(src), Files.getLastModifiedTime(t));
        }
        assertNoTempFiles(tmp);
    }

    @Test
    void aSourceThatGrowsDuringTheCopyIsRefusedAndLeavesNothingBehind() throws IOException {
        Path src = tmp.resolve("src/growing.mov");
        SampleCards.write(src, new Random(2), 1_000_000);
        AtomicBoolean appended = new AtomicBoolean();
        CopyOutcome out;
        try (FileCopier copier = new FileCopier(64 * 1024)) {
            out = copier.copy(src, null, Map.of(0, tmp.resolve("d0/growing.mov")),
                    Checksums.factory("xxh64").start(), n -> {
                        if (appended.compareAndSet(false, true)) {
                            append(src);
                        }
                    });
        }
        CopyOutcome.SourceFailed failed = assertInstanceOf(CopyOutcome.SourceFailed.class, out);
        assertEquals(CopyOutcome.FailureCode.SOURCE_CHANGED, failed.code());
        assertFalse(Files.exists(tmp.resolve("d0/growing.mov")), "no copy under the real name");
        assertNoTempFiles(tmp);
    }

    @Test
    void aSourceThatDisappearsDuringTheCopyIsReportedAsVanished() throws IOException {
        Path src = tmp.resolve("src/vanishing.mov");
        SampleCards.write(src, new Random(3), 1_000_000);
        CopyOutcome out;
        try (FileCopier copier = new FileCopier(64 * 1024)) {
            out = copier.copy(src, null, Map.of(0, tmp.resolve("d0/vanishing.mov")),
                    Checksums.factory("xxh64").start(), n -> delete(src));
        }
        CopyOutcome.SourceFailed failed = assertInstanceOf(CopyOutcome.SourceFailed.class, out);
        assertEquals(CopyOutcome.FailureCode.SOURCE_VANISHED, failed.code());
        assertFalse(Files.exists(tmp.resolve("d0/vanishing.mov")));
    }

    @Test
    void anUnwritableDestinationFailsAloneWhileTheOtherIsWritten() throws IOException {
        Path src = tmp.resolve("src/clip.mov");
        SampleCards.write(src, new Random(4), 300_000);
        Path blocked = tmp.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        CopyOutcome out;
        try (FileCopier copier = new FileCopier(64 * 1024)) {
            out = copier.copy(src, null, Map.of(0, blocked.resolve("clip.mov"), 1, tmp.resolve("ok/clip.mov")),
                    Checksums.factory("md5").start(), n -> { });
        }
        CopyOutcome.Copied copied = assertInstanceOf(CopyOutcome.Copied.class, out);
        assertEquals(java.util.Set.of(0), copied.failedDestinations().keySet());
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(tmp.resolve("ok/clip.mov")));
    }

    private static void append(Path p) {
        try {
            Files.write(p, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertNoTempFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            assertEquals(0, walk.filter(p -> p.getFileName().toString().startsWith(FileCopier.TEMP_PREFIX)).count());
        }
    }
}
