package io.setkeeper.appliance.ingest.hash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several algorithms over one pass of the bytes: the copy engine reads each block once and feeds it here.
 * {@link #digests()} gives one digest per algorithm, in {@link HashAlgorithm} order. Not thread-safe.
 */
public final class MultiHasher {
    private final List<Hasher> hashers;

    /** A multi-hasher for the given algorithms (duplicates are ignored; at least one). */
    public MultiHasher(Collection<HashAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one hash algorithm is needed");
        }
        this.hashers = EnumSet.copyOf(algorithms).stream().map(HashAlgorithm::newHasher).toList();
    }

    /** A multi-hasher for the given algorithms. */
    public static MultiHasher of(HashAlgorithm first, HashAlgorithm... more) {
        EnumSet<HashAlgorithm> set = EnumSet.of(first, more);
        return new MultiHasher(set);
    }

    /** The algorithms computed, in {@link HashAlgorithm} order. */
    public Set<HashAlgorithm> algorithms() {
        EnumSet<HashAlgorithm> set = EnumSet.noneOf(HashAlgorithm.class);
        hashers.forEach(h -> set.add(h.algorithm()));
        return set;
    }

    /** Adds {@code len} bytes of {@code buf} from {@code off} to every algorithm. */
    public void update(byte[] buf, int off, int len) {
        for (Hasher hasher : hashers) {
            hasher.update(buf, off, len);
        }
    }

    /** Adds the remaining bytes of {@code buf} to every algorithm and advances it to its limit. */
    public void update(ByteBuffer buf) {
        int start = buf.position();
        for (Hasher hasher : hashers) {
            buf.position(start);
            hasher.update(buf);
        }
    }

    /** The digest per algorithm. Call once, after the last update. */
    public Map<HashAlgorithm, String> digests() {
        Map<HashAlgorithm, String> out = new EnumMap<>(HashAlgorithm.class);
        for (Hasher hasher : hashers) {
            out.put(hasher.algorithm(), hasher.digest());
        }
        return out;
    }

    /** Reads a whole file once (through a direct buffer) and returns its digests, e.g. to verify files at rest. */
    public static Map<HashAlgorithm, String> hashFile(Path file, Collection<HashAlgorithm> algorithms) throws IOException {
        MultiHasher multi = new MultiHasher(algorithms);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // small files (sidecars, XML) get a small buffer: allocating 1 MiB per file would dominate
            ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.max(4096, Math.min(1 << 20, channel.size() + 1)));
            while (channel.read(buf.clear()) >= 0) {
                multi.update(buf.flip());
            }
        }
        return multi.digests();
    }
}
