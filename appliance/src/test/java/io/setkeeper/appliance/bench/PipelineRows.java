package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.BenchFrames;
import io.setkeeper.appliance.analysis.perception.FaceDetector;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.ObjectDetector;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.analysis.perception.PerceptionPlan;
import io.setkeeper.appliance.analysis.perception.PerceptionSequence;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 'perceive as the pipeline does' rows of {@link PerceptionBenchmark}: process CPU ms per perceived frame over
 * consecutive 2 fps analysis frames, old against new (see the benchmark's javadoc).
 */
final class PipelineRows {
    static final double FPS = 2;
    static final int MAX_FRAMES = 40;
    /** A group read whole (159 frames at 2 fps), longer than the pipeline keeps, where kept-only masks tell. */
    static final String WHOLE_VTEST = "opencv/vtest.avi whole";
    /** Frames per clip whose mask the pipeline reads downstream ({@code ClipAnalysis.KEEP_PERCEIVED}). */
    static final int KEPT = io.setkeeper.appliance.analysis.ClipAnalysis.KEEP_PERCEIVED;
    static final int ROUNDS = 5;
    /** Named groups of clips: each clip is one sequence (the asl takes are 2-4 s, so all twelve form one row). */
    static final Map<String, List<String>> GROUPS = groups();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PipelineRows() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("asl/please.mkv", List.of("asl/please.mkv"));
        g.put("asl, all 12 takes", List.of("again", "book", "brother", "eat", "learn", "milk", "night", "no", "please",
                "school", "sorry", "want").stream().map(t -> "asl/" + t + ".mkv").toList());
        g.put("opencv/vtest.avi", List.of("opencv/vtest.avi"));
        g.put("gopro/max-heromode", List.of("gopro/max-heromode.mp4"));
        g.put(WHOLE_VTEST, List.of("opencv/vtest.avi"));
        return g;
    }

    /** A way to perceive; {@code keptMasksOnly}: the mask only on each clip's first {@link #KEPT} frames. */
    private record Variant(String name, Perception perception, boolean sequence, boolean keptMasksOnly) {
        Variant(String name, Perception perception, boolean sequence) {
            this(name, perception, sequence, false);
        }
    }

    static void run(Path data, ModelRegistry registry) throws Exception {
        System.out.printf("%n== perceive as the pipeline does: consecutive frames at %.0f fps, analysis size 480; load %s ==%n",
                FPS, java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        InferenceEngine two = new InferenceEngine(registry, InferenceConfig.cpu(2));
        InferenceEngine one = new InferenceEngine(registry, InferenceConfig.cpu(1));
        try (Perception oldTwo = Perception.open(two, Perception.Settings.everyModel());
             Perception oldOne = Perception.open(one, Perception.Settings.everyModel());
             Perception cascade = Perception.open(one, Perception.Settings.defaults());
             Perception reuse = Perception.open(one, new Perception.Settings(PerceptionPlan.Cascade.defaults(),
                     PerceptionSequence.MEASURED_REUSE));
             ModelSession yolo = one.open(PerceptionModels.OBJECTS);
             ModelSession det = one.open(PerceptionModels.FACE_DETECTOR)) {
            List<Variant> variants = List.of(new Variant("old: every model, 2 threads", oldTwo, false),
                    new Variant("every model, 1 thread", oldOne, false),
                    new Variant("new: cascade, 1 thread", cascade, false),
                    new Variant("+ embedding reuse (off)", reuse, true),
                    new Variant("cascade, masks on kept only", cascade, false, true));
            System.out.printf("%-20s %6s %6s %6s | %-26s %9s %9s %7s %7s %8s%n", "clip", "frames", "faces", "masks",
                    "variant", "cpu ms/f", "wall ms/f", "x floor", "vs old", "reused");
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                String name = group.getKey();
                List<List<Frame>> clips = new ArrayList<>();
                for (String clip : group.getValue()) {
                    clips.add(BenchFrames.analysisFrames(data.resolve("footage").resolve(clip), FPS,
                            name.equals(WHOLE_VTEST) ? Integer.MAX_VALUE : MAX_FRAMES, 480));
                }
                List<Frame> frames = clips.stream().flatMap(List::stream).toList();
                double floor = ModelSessionFloor.of(yolo, ObjectDetector.input(frames.getFirst()))
                        + ModelSessionFloor.of(det, FaceDetector.input(frames.getFirst()));
                Map<Variant, List<Double>> cpu = new LinkedHashMap<>(), wall = new LinkedHashMap<>();
                Map<Variant, int[]> counts = new LinkedHashMap<>();
                for (Variant v : variants) {
                    pass(v, List.of(frames.subList(0, Math.min(3, frames.size()))), new int[3]); // warm-up
                    cpu.put(v, new ArrayList<>());
                    wall.put(v, new ArrayList<>());
                }
                for (int r = 0; r < ROUNDS; r++) {
                    for (Variant v : variants) {
                        int[] c = new int[3];
                        long c0 = OS.getProcessCpuTime(), t0 = System.nanoTime();
                        pass(v, clips, c);
                        cpu.get(v).add((OS.getProcessCpuTime() - c0) / 1e6 / frames.size());
                        wall.get(v).add((System.nanoTime() - t0) / 1e6 / frames.size());
                        counts.put(v, c);
                    }
                }
                double old = med(cpu.get(variants.getFirst()));
                for (Variant v : variants) {
                    int[] c = counts.get(v);
                    double m = med(cpu.get(v));
                    System.out.printf("%-20s %6d %6d %6d | %-26s %9.1f %9.1f %7.2f %7.2f %8s%n", name, frames.size(), c[0],
                            c[1], v.name(), m, med(wall.get(v)), m / floor, m / old,
                            v.sequence() ? c[2] + "/" + c[0] : "-");
                }
                System.out.printf("%-20s floor (bare YOLOX + UltraFace session.run, 1 thread): %.1f CPU ms%n", name, floor);
            }
        }
    }

    /**
     * Perceives each clip's frames in order (one sequence per clip); counts faces, frames with a non-empty mask and
     * reused embeddings.
     */
    private static void pass(Variant v, List<List<Frame>> clips, int[] counts) {
        for (List<Frame> frames : clips) {
            PerceptionSequence seq = v.sequence() ? v.perception().sequence() : null;
            for (int i = 0; i < frames.size(); i++) {
                boolean mask = !v.keptMasksOnly() || i < KEPT;
                FramePerception p = seq != null ? seq.perceive(frames.get(i), mask)
                        : v.perception().perceive(frames.get(i), mask);
                counts[0] += p.faces().size();
                counts[1] += p.personMask() != null && p.personMask().coverage() > 0 ? 1 : 0;
            }
            if (seq != null) {
                counts[2] += seq.reuseCounts()[0];
            }
        }
    }

    private static double med(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    /** Process CPU ms per bare session.run on a pre-built input (21 runs after 3 warm-up runs). */
    private static final class ModelSessionFloor {
        static double of(ModelSession s, Map<String, io.setkeeper.appliance.inference.Tensor> input) {
            s.floorMillis(input, 3, 1);
            long c0 = OS.getProcessCpuTime();
            s.floorMillis(input, 0, 21);
            return (OS.getProcessCpuTime() - c0) / 1e6 / 21;
        }
    }
}
