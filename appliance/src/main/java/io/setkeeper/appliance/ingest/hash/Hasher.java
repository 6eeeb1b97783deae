package io.setkeeper.appliance.ingest.hash;

import java.nio.ByteBuffer;

/**
 * A streaming hash over one byte stream (a file being copied): feed it with {@code update} in any chunk sizes,
 * then read {@link #digest()} once, in the ASC MHL text form (lowercase hex, or the C4 id).
 * Not thread-safe; create one per stream with {@link HashAlgorithm#newHasher()}.
 */
public sealed interface Hasher permits Xxh64Hasher, Xxh3Hasher, DigestHasher, C4Hasher {

    /** The algorithm this hasher computes. */
    HashAlgorithm algorithm();

    /** Adds {@code len} bytes of {@code buf} from {@code off}. */
    void update(byte[] buf, int off, int len);

    /** Adds all bytes of {@code buf}. */
    default void update(byte[] buf) {
        update(buf, 0, buf.length);
    }

    /** Adds the remaining bytes of {@code buf} (heap or direct) and advances its position to its limit. */
    default void update(ByteBuffer buf) {
        if (buf.hasArray()) {
            int n = buf.remaining();
            update(buf.array(), buf.arrayOffset() + buf.position(), n);
            buf.position(buf.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(buf.remaining(), 1 << 16)];
        while (buf.hasRemaining()) {
            int n = Math.min(chunk.length, buf.remaining());
            buf.get(chunk, 0, n);
            update(chunk, 0, n);
        }
    }

    /** The digest of everything added so far. Call once, after the last update. */
    String digest();

    /** One-shot convenience: the digest of {@code data}. */
    static String hash(HashAlgorithm algorithm, byte[] data) {
        Hasher hasher = algorithm.newHasher();
        hasher.update(data);
        return hasher.digest();
    }
}
