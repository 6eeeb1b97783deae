package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The interchange fixtures in {@code SETKEEPER_DATA} for protocol tests (the appliance has its own TestData).
 * Classes that use it are named {@code *DataTest}; they skip visibly when the data folder is absent.
 */
final class TestData {
    private TestData() {
    }

    static Path file(String relative) {
        String dir = System.getenv("SETKEEPER_DATA");
        assumeTrue(dir != null && !dir.isBlank() && !dir.startsWith("${") && Files.isDirectory(Path.of(dir)),
                "SETKEEPER_DATA is not set: real-data test skipped");
        Path path = Path.of(dir).toAbsolutePath().normalize().resolve(relative);
        assumeTrue(Files.exists(path), "missing test data: " + path);
        return path;
    }

    /** The files of a data folder whose names end with one of the suffixes, sorted by name. */
    static List<Path> files(String folder, String... suffixes) {
        try (Stream<Path> list = Files.list(file(folder))) {
            return list.filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
