package io.setkeeper.appliance.ingest;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.Hasher;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Checksum factories for the ASC MHL algorithm names (xxh64, md5, sha1, xxh3, xxh128, c4). */
public final class Checksums {
    private Checksums() {
    }

    /** The factory for an algorithm name; an unknown name is refused with the list of known ones. */
    public static Checksum.Factory factory(String name) {
        HashAlgorithm algorithm = HashAlgorithm.fromMhlName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown checksum '" + name + "'; use one of " + Arrays.stream(HashAlgorithm.values())
                        .map(HashAlgorithm::mhlName).collect(Collectors.joining(", "))));
        return new Checksum.Factory() {
            @Override
            public String name() {
                return algorithm.mhlName();
            }

            @Override
            public Checksum start() {
                Hasher hasher = algorithm.newHasher();
                return new Checksum() {
                    @Override
                    public void update(byte[] buffer, int offset, int length) {
                        hasher.update(buffer, offset, length);
                    }

                    @Override
                    public String digest() {
                        return hasher.digest();
                    }
                };
            }
        };
    }
}
