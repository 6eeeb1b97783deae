package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The hashes the copy engine computed for one file while copying it, handed to {@link MhlGenerationWriter}
 * so that nothing is read twice.
 *
 * @param path   relative to the generation's root, '/'-separated (e.g. {@code Clips/A002C006.mov})
 * @param hashes digest per algorithm, in {@link io.setkeeper.appliance.ingest.hash.Hasher#digest()} form
 */
public record FileHashes(String path, Map<HashAlgorithm, String> hashes) {
    public FileHashes {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            throw new IllegalArgumentException("path must be relative and '/'-separated: " + path);
        }
        hashes = hashes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hashes));
    }
}
