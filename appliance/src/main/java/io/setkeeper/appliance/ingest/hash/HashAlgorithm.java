package io.setkeeper.appliance.ingest.hash;

import java.util.Locale;
import java.util.Optional;

/**
 * The hash formats ASC MHL v2.0 knows, each with the element name it has in a manifest
 * ({@code <xxh64>}, {@code <md5>}, ...). {@link #XXH64} is the offload default.
 *
 * <p>{@link #newHasher()} gives a fresh streaming {@link Hasher}; {@link #digestBytes(String)} turns a digest
 * string back into the bytes the reference implementation feeds into directory hashes.
 */
public enum HashAlgorithm {
    /** xxHash 64-bit, seed 0: 16 lowercase hex digits. The default: fast enough to hash while copying. */
    XXH64("xxh64"),
    /** MD5: 32 lowercase hex digits. */
    MD5("md5"),
    /** SHA-1: 40 lowercase hex digits. */
    SHA1("sha1"),
    /** XXH3 64-bit, seed 0, default secret: 16 lowercase hex digits. */
    XXH3_64("xxh3"),
    /** XXH3 128-bit (XXH128), seed 0: 32 lowercase hex digits, high half first (as xxhsum prints it). */
    XXH3_128("xxh128"),
    /** C4 id: SHA-512 in base58 with the prefix {@code c4}, 90 characters. */
    C4("c4");

    /** The algorithm an offload uses when the caller names none. */
    public static final HashAlgorithm DEFAULT = XXH64;

    private final String mhlName;

    HashAlgorithm(String mhlName) {
        this.mhlName = mhlName;
    }

    /** The element name in an ASC MHL manifest, e.g. {@code xxh64}. */
    public String mhlName() {
        return mhlName;
    }

    /** A new streaming hasher for this algorithm (not thread-safe; one per stream). */
    public Hasher newHasher() {
        return switch (this) {
            case XXH64 -> new Xxh64Hasher();
            case MD5 -> new DigestHasher(this, "MD5");
            case SHA1 -> new DigestHasher(this, "SHA-1");
            case XXH3_64 -> new Xxh3Hasher(false);
            case XXH3_128 -> new Xxh3Hasher(true);
            case C4 -> new C4Hasher();
        };
    }

    /** The algorithm with this MHL element name (case-insensitive), if any. */
    public static Optional<HashAlgorithm> fromMhlName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.mhlName.equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * The raw bytes behind a digest string: hex-decoded, or for C4 the 64 SHA-512 bytes.
     *
     * @throws IllegalArgumentException when the string is not a digest of this algorithm
     */
    public byte[] digestBytes(String digest) {
        if (this == C4) {
            return C4Hasher.decode(digest);
        }
        if (digest.length() != hexLength()) {
            throw new IllegalArgumentException(mhlName + " digest must have " + hexLength() + " hex digits: " + digest);
        }
        return java.util.HexFormat.of().parseHex(digest);
    }

    /** Whether the string has the shape of a digest of this algorithm. */
    public boolean isWellFormed(String digest) {
        try {
            digestBytes(digest);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private int hexLength() {
        return switch (this) {
            case XXH64, XXH3_64 -> 16;
            case MD5, XXH3_128 -> 32;
            case SHA1 -> 40;
            case C4 -> 128;
        };
    }
}
