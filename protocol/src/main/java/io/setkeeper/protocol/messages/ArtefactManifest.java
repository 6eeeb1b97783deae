package io.setkeeper.protocol.messages;

import java.util.List;

/**
 * Describes a large artefact (model version, plate, patch) before its chunks: sizes and SHA-256 per chunk and for
 * the whole, so the receiver can verify each chunk and the reassembled file, and ask only for what is missing.
 *
 * @param artefactId  stable id of the artefact; chunks refer to it
 * @param kind        what it is: {@code model}, {@code plate}, {@code patch}, ...
 * @param name        a file name for the post side
 * @param size        total size in bytes
 * @param chunkSize   size of every chunk but the last, between {@link #MIN_CHUNK} and {@link #MAX_CHUNK}
 * @param sha256      hex SHA-256 of the whole artefact
 * @param chunkSha256 hex SHA-256 of each chunk, in order
 * @param signature   signature over {@code sha256} with the production's key (base64), or {@code null} if unsigned
 */
public record ArtefactManifest(String artefactId, String kind, String name, long size, int chunkSize, String sha256,
                               List<String> chunkSha256, String signature) implements Message {
    /** Smallest allowed chunk size: 256 KiB. */
    public static final int MIN_CHUNK = 256 * 1024;
    /** Largest allowed chunk size: 4 MiB. */
    public static final int MAX_CHUNK = 4 * 1024 * 1024;

    public ArtefactManifest {
        Require.text(artefactId, "artefactId");
        Require.text(kind, "kind");
        Require.text(name, "name");
        Require.sha256(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("chunkSize must be between " + MIN_CHUNK + " and " + MAX_CHUNK
                    + " bytes, got " + chunkSize);
        }
        chunkSha256 = List.copyOf(chunkSha256);
        long expected = size == 0 ? 0 : (size + chunkSize - 1) / chunkSize;
        if (chunkSha256.size() != expected) {
            throw new IllegalArgumentException("a " + size + "-byte artefact in " + chunkSize + "-byte chunks has "
                    + expected + " chunks, but the manifest lists " + chunkSha256.size() + " chunk hashes");
        }
        chunkSha256.forEach(h -> Require.sha256(h, "chunkSha256"));
    }

    /** Number of chunks. */
    public int chunkCount() {
        return chunkSha256.size();
    }

    /** Length in bytes of chunk {@code index}. */
    public int chunkLength(int index) {
        if (index < 0 || index >= chunkCount()) {
            throw new IndexOutOfBoundsException("chunk " + index + " of " + chunkCount());
        }
        long start = (long) index * chunkSize;
        return (int) Math.min(chunkSize, size - start);
    }

    @Override
    public String schema() {
        return Schemas.ARTEFACT_MANIFEST;
    }
}
