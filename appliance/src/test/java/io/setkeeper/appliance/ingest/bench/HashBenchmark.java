package io.setkeeper.appliance.ingest.bench;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.Hasher;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hash throughput per algorithm on one file (default: a generated 1 GiB file in /tmp, page-cached), against the
 * native command-line tools on the same file in the same run: xxhsum -H1/-H3/-H2, md5sum, sha1sum, sha512sum.
 * Prints GiB/s and ours/floor ratio. Not a test: run it as a main class.
 *
 * <pre>
 * java -cp appliance/target/classes:appliance/target/test-classes:$ZAH_JAR \
 *     io.setkeeper.appliance.ingest.bench.HashBenchmark [file]
 * </pre>
 */
public final class HashBenchmark {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final Map<HashAlgorithm, List<String>> FLOORS = Map.of(
            HashAlgorithm.XXH64, List.of("xxhsum", "-H1"),
            HashAlgorithm.XXH3_64, List.of("xxhsum", "-H3"),
            HashAlgorithm.XXH3_128, List.of("xxhsum", "-H2"),
            HashAlgorithm.MD5, List.of("md5sum"),
            HashAlgorithm.SHA1, List.of("sha1sum"),
            HashAlgorithm.C4, List.of("sha512sum"));

    private HashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : generated(Path.of("/tmp/setkeeper-hash-bench.bin"), 1L << 30);
        long size = Files.size(file);
        System.out.printf("file %s, %.2f GiB%n", file, size / GIB);
        double cat = size / GIB / best(() -> run(List.of("cat", file.toString())));
        System.out.printf("cat (read floor): %.2f GiB/s%n", cat);
        System.out.printf("%-8s %10s %10s %8s  %s%n", "algo", "ours GiB/s", "tool GiB/s", "ratio", "tool");
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            List<String> tool = FLOORS.get(algorithm);
            double floor = size / GIB / best(() -> run(concat(tool, file.toString())));
            double ours = size / GIB / best(() -> hash(file, List.of(algorithm)));
            String same = algorithm == HashAlgorithm.C4 ? "" : digestOf(file, algorithm).equals(toolDigest(tool, file))
                    ? "same digest" : "DIGEST DIFFERS";
            System.out.printf("%-8s %10.2f %10.2f %8.2f  %-12s %s%n", algorithm.mhlName(), ours, floor, ours / floor,
                    String.join(" ", tool), same);
        }
        double multi = size / GIB / best(() -> hash(file, List.of(HashAlgorithm.XXH64, HashAlgorithm.MD5)));
        System.out.printf("%-8s %10.2f (one pass, xxh64+md5)%n", "multi", multi);
        byte[] memory = new byte[256 << 20];
        new java.util.Random(1).nextBytes(memory);
        double inMemory = memory.length / GIB / best(() -> Hasher.hash(HashAlgorithm.XXH64, memory));
        double zah = memory.length / GIB / best(() -> net.openhft.hashing.LongHashFunction.xx().hashBytes(memory));
        System.out.printf("xxh64 in memory (no I/O): ours streaming %.2f GiB/s, zero-allocation-hashing one-shot"
                + " %.2f GiB/s, ratio %.2f%n", inMemory, zah, inMemory / zah);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Best of three timed runs after one warm-up, in seconds. */
    private static double best(Work work) throws Exception {
        work.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, time(work));
        }
        return best;
    }

    private static double time(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void hash(Path file, List<HashAlgorithm> algorithms) throws IOException {
        MultiHasher multi = new MultiHasher(algorithms);
        ByteBuffer buf = ByteBuffer.allocateDirect(Integer.getInteger("bench.buffer", 1 << 20));
        try (FileChannel ch = FileChannel.open(file)) {
            while (ch.read(buf.clear()) > 0) {
                multi.update(buf.flip());
            }
        }
        if (multi.digests().isEmpty()) {
            throw new IllegalStateException();
        }
    }

    private static String digestOf(Path file, HashAlgorithm algorithm) throws IOException {
        return MultiHasher.hashFile(file, List.of(algorithm)).get(algorithm);
    }

    /** The tool's digest: the first token, or the last for xxhsum's BSD-style XXH3 line. */
    private static String toolDigest(List<String> tool, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(concat(tool, file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        p.waitFor();
        String[] tokens = out.split("\\s+");
        return out.startsWith("XXH3") ? tokens[tokens.length - 1] : tokens[0];
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed");
        }
    }

    private static List<String> concat(List<String> a, String b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
    }

    private static Path generated(Path file, long size) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        byte[] chunk = new byte[1 << 20];
        java.util.Random random = new java.util.Random(42);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return file;
    }
}
