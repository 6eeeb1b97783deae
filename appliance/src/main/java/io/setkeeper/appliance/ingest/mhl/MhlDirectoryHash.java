package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A directory's content hash (over its files' contents) and structure hash (over names and nesting) in one
 * algorithm, as in {@code <directoryhash>} and {@code <roothash>}.
 *
 * @param hashDate null when the manifest gave none
 */
public record MhlDirectoryHash(HashAlgorithm algorithm, String content, String structure, OffsetDateTime hashDate) {
    public MhlDirectoryHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(structure, "structure");
    }
}
