package io.setkeeper.appliance.ingest;

/** A streaming checksum: the copy engine feeds it bytes as they pass and asks for the digest at the end. */
public interface Checksum {
    void update(byte[] buffer, int offset, int length);

    /** The digest as written in ASC MHL (lowercase hex, or a C4 id). */
    String digest();

    /** Makes fresh checksums of one algorithm. */
    interface Factory {
        /** The ASC MHL name of the algorithm, e.g. {@code xxh64}. */
        String name();

        Checksum start();
    }
}
