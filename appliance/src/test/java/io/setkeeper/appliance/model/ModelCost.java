package io.setkeeper.appliance.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test-only measurement of the cost of learning one clip after 10, 100 and 1000 clips (synthetic production:
 * 20 characters, 30 setups, 1-2 people per take) and of a version's size on disk, against a floor measured in
 * the same run: the bare nearest-prototype arithmetic (one clip against every prototype).
 */
public final class ModelCost {
    private ModelCost() {
    }

    /** Result: median nanoseconds per learned clip at each size, the floor, and version file sizes. */
    public record Result(Map<Integer, Long> learnNanos, long floorNanos, Map<String, Long> versionBytes) {
    }

    public static Result measure(Path dir) throws Exception {
        run(Path.of(dir.toString(), "warmup"), 1020);
        return run(dir, 1020);
    }

    private static Result run(Path dir, int total) throws Exception {
        Synthetic s = new Synthetic(42, 20, 30);
        ProductionModel m = new ProductionModel("bench", Set.of(), Clock.systemUTC());
        Map<Integer, Long> out = new LinkedHashMap<>();
        long[] window = new long[20];
        int learned = 0;
        for (int target : new int[] {10, 100, 1000}) {
            if (target + window.length > total) {
                break;
            }
            while (learned < target) {
                learn(s, m, learned++);
            }
            for (int i = 0; i < window.length; i++) {
                ClipFeatures f = clip(s, learned++);
                long t0 = System.nanoTime();
                LearnResult r = m.learn(f);
                window[i] = System.nanoTime() - t0;
                name(m, r, learned);
            }
            long[] sorted = window.clone();
            Arrays.sort(sorted);
            out.put(target, sorted[sorted.length / 2]);
        }
        Heads h = m.heads();
        float[] probe = s.face(0);
        float[] x = h.setupInput(clip(s, 0));
        long[] floor = new long[200];
        double sink = 0;
        for (int i = 0; i < floor.length; i++) {
            long t0 = System.nanoTime();
            sink += h.characterScores(probe)[0] + h.setupScores(x)[0];
            floor[i] = System.nanoTime() - t0;
        }
        Arrays.sort(floor);
        Map<String, Long> sizes = new LinkedHashMap<>();
        ModelVersion v = new ModelVersions(dir, Clock.systemUTC()).cut(m, 1, null, "cost");
        for (String f : new String[] {ModelVersions.ONNX, ModelVersions.STATE, ModelVersions.MANIFEST}) {
            sizes.put(f, Files.size(v.dir().resolve(f)));
        }
        sizes.put("clips", (long) m.clips().size() + (sink == 42 ? 1 : 0));
        return new Result(out, floor[floor.length / 2], sizes);
    }

    private static ClipFeatures clip(Synthetic s, int i) {
        int setup = i % 30;
        return i % 3 == 0 ? s.clip("c" + i, setup, i % 20, (i + 7) % 20) : s.clip("c" + i, setup, i % 20);
    }

    private static void learn(Synthetic s, ProductionModel m, int i) {
        name(m, m.learn(clip(s, i)), i);
    }

    private static void name(ProductionModel m, LearnResult r, int i) {
        if (i < 40 && !r.clusters().isEmpty() && r.clusters().getFirst() != null) {
            int c = r.clusters().getFirst();
            if (m.clusters().stream().anyMatch(k -> k.id() == c && k.name() == null)) {
                m.name(c, "CHAR" + c, "bench");
            }
        }
    }

    /** Prints the result. */
    public static void print(Result r) {
        r.learnNanos().forEach((n, ns) -> System.out.printf("learn one clip after %4d clips: %8.3f ms (%.1fx the floor)%n",
                n, ns / 1e6, (double) ns / r.floorNanos()));
        System.out.printf("floor (one clip against every prototype, bare arithmetic): %.3f ms%n", r.floorNanos() / 1e6);
        System.out.println("version size on disk after " + r.versionBytes().get("clips") + " clips: " + r.versionBytes());
    }
}
