package io.setkeeper.appliance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real footage, models and interchange files in {@code SETKEEPER_DATA} (CI: {@code ../shared/data}).
 * Test classes that call this are named {@code *DataTest}; CI fails if any of them was skipped.
 */
public final class TestData {
    private TestData() {
    }

    /** True when the data folder is configured and present. */
    public static boolean present() {
        String dir = System.getenv("SETKEEPER_DATA");
        return dir != null && !dir.isBlank() && !dir.startsWith("${") && Files.isDirectory(Path.of(dir));
    }

    /** The data folder; skips the calling test when it is absent. */
    public static Path root() {
        assumeTrue(present(), "SETKEEPER_DATA is not set: real-data test skipped");
        return Path.of(System.getenv("SETKEEPER_DATA")).toAbsolutePath().normalize();
    }

    /** A file or folder inside the data folder, e.g. {@code footage/asl/please.mkv}. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), "missing test data: " + path);
        return path;
    }
}
