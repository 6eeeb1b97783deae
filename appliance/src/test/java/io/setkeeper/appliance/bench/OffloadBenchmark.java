package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.ingest.Checksum;
import io.setkeeper.appliance.ingest.Checksums;
import io.setkeeper.appliance.ingest.MhlSealer;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.OffloadRequest;
import io.setkeeper.appliance.ingest.OffloadService;
import io.setkeeper.appliance.ingest.SampleCards;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Offload speed against the floor measured in the same run on the same card:
 * {@code cp -r} to two destinations (each followed by {@code sync}: our copies are synced before they count) then
 * {@code xxhsum} of the source and both copies; also the plain read of the source and the hash throughput.
 * Run: {@code mvn -q -pl appliance -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.setkeeper.appliance.bench.OffloadBenchmark -Dexec.args="2048 /tmp/bench"}
 * (arguments: card size in MiB, working folder).
 */
public final class OffloadBenchmark {
    private OffloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 2048;
        Path work = Path.of(args.length > 1 ? args[1] : "/tmp/setkeeper-bench");
        deleteTree(work);
        Path card = work.resolve("A001");
        int files = (int) Math.max(1, mib / 128);
        Random random = new Random(1);
        for (int i = 1; i <= files; i++) {
            SampleCards.write(card.resolve(String.format("A001R1AB/A001C%03d_261122_R1AB.mov", i)), random,
                    (int) (mib * 1024 * 1024 / files));
        }
        long bytes = mib * 1024 * 1024;
        System.out.printf("card: %d files, %d MiB in %s%n", files, mib, card);

        double read = time(() -> readAll(card));
        // cp then sync: Setkeeper syncs every copy before it may be verified, so the floor must reach the disk too
        double floorCp = time(() -> {
            run("cp", "-r", card.toString(), work.resolve("cp1").toString());
            run("sync");
        }) + time(() -> {
            run("cp", "-r", card.toString(), work.resolve("cp2").toString());
            run("sync");
        });
        double floorHash = time(() -> xxhsum(card)) + time(() -> xxhsum(work.resolve("cp1")))
                + time(() -> xxhsum(work.resolve("cp2")));
        double xxhsumOne = time(() -> xxhsum(card));
        double ourHash = time(() -> hashAll(card));

        double ours;
        try (Database db = Database.open(work.resolve("db"))) {
            ProductionStore productions = new ProductionStore(db, Clock.systemUTC());
            productions.ensure("bench", "bench");
            JobStore jobs = new JobStore(db, Clock.systemUTC());
            try (OffloadService service = new OffloadService(productions, jobs, Checksums::factory,
                    new MhlSealer(Clock.systemUTC()), "xxh64", 4096 * 1024, 1, Clock.systemUTC())) {
                long t0 = System.nanoTime();
                java.util.Map<String, Long> phases = new java.util.concurrent.ConcurrentHashMap<>();
                service.progress().follow(p -> phases.putIfAbsent(p.phase().name(), System.nanoTime()));
                String id = service.start(new OffloadRequest("bench", Optional.empty(), card,
                        List.of(work.resolve("raid"), work.resolve("shuttle")), Optional.empty())).job().id();
                OffloadJob job;
                do {
                    Thread.sleep(20);
                    job = jobs.job(id).orElseThrow();
                } while (!job.state().finished());
                ours = (System.nanoTime() - t0) / 1e9;
                phases.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).forEach(e ->
                        System.out.printf("  phase %-10s from %6.2f s%n", e.getKey(), (e.getValue() - t0) / 1e9));
                System.out.println("offload state: " + job.state() + job.error().map(e -> " " + e).orElse(""));
            }
        }
        double floor = floorCp + floorHash;
        System.out.printf("plain read of the source:             %7.2f s  (%6.0f MiB/s)%n", read, mib / read);
        System.out.printf("floor (cp+sync) x2 + xxhsum x3: %7.2f s  (cp %.2f s, xxhsum %.2f s)%n", floor, floorCp,
                floorHash);
        System.out.printf("setkeeper copy + verify + MHL:        %7.2f s%n", ours);
        System.out.printf("ratio setkeeper / floor:              %7.2f   (goal <= 1.0)%n", ours / floor);
        System.out.printf("xxh64 throughput: setkeeper %.2f GiB/s, xxhsum %.2f GiB/s, ratio %.2f (goal >= 0.9)%n",
                bytes / ourHash / (1 << 30), bytes / xxhsumOne / (1 << 30), xxhsumOne / ourHash);
        System.out.printf("peak RSS of this JVM (appliance in-process): %d MiB%n", peakRssKib() / 1024);
        deleteTree(work);
    }

    interface Step {
        void run() throws Exception;
    }

    private static double time(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", cmd));
        }
    }

    private static void xxhsum(Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("xxhsum", "-H1"));
        cmd.addAll(files(dir).stream().map(Path::toString).toList());
        run(cmd.toArray(String[]::new));
    }

    private static void readAll(Path dir) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 << 20);
        for (Path f : files(dir)) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                while (ch.read(buf.clear()) >= 0) {
                    // just read
                }
            }
        }
    }

    private static void hashAll(Path dir) throws IOException {
        byte[] buf = new byte[4 << 20];
        for (Path f : files(dir)) {
            Checksum c = Checksums.factory("xxh64").start();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                int n;
                while ((n = ch.read(ByteBuffer.wrap(buf))) >= 0) {
                    c.update(buf, 0, n);
                }
            }
            c.digest();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/ascmhl/")).sorted().toList();
        }
    }

    private static long peakRssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
