package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.BenchFrames;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Face;
import io.setkeeper.appliance.analysis.perception.FaceDetector;
import io.setkeeper.appliance.analysis.perception.FaceEmbedder;
import io.setkeeper.appliance.analysis.perception.FaceLandmarker;
import io.setkeeper.appliance.analysis.perception.HeadPoseEstimator;
import io.setkeeper.appliance.analysis.perception.ObjectDetector;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.analysis.perception.PerceptionSequence;
import io.setkeeper.appliance.analysis.perception.PersonSegmenter;
import io.setkeeper.appliance.inference.ExecutionProvider;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-model cost per frame through Setkeeper's perception (pixel sampling + session run + decode) against the
 * floor: a bare ONNX Runtime session.run of the same model on the same, pre-built input tensor. Thread counts 1
 * and 2 (with and without spin-waiting). Run (not a test):
 * <pre>
 * mvn -q -o -pl appliance -am test-compile
 * mvn -q -o -pl appliance -am dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * echo "--enable-native-access=ALL-UNNAMED -cp appliance/target/test-classes:appliance/target/classes:protocol/target/classes:$(cat /tmp/cp.txt)" > /tmp/bench.args
 * java @/tmp/bench.args io.setkeeper.appliance.bench.PerceptionBenchmark $SETKEEPER_DATA
 * </pre>
 * The argument file matters: ONNX Runtime 1.29's native init segfaults here when the process command line is
 * longer than about 4 KB (a long -cp or any long -D), whatever its content; an @argfile keeps argv short.
 *
 * <p>With a second argument {@code pipeline} only the last section runs: perception as the pipeline does it, over
 * consecutive frames sampled at 2 fps and scaled to the analysis size (longer side 480) of clips with and without
 * people, as process CPU ms per perceived frame (all threads of the JVM, so intra-op threads count) for the old
 * way (every model on every frame, 2 intra-op threads as Pipelines opened it) against the new one (1 thread, the
 * person-mask cascade, then also embedding reuse through {@link PerceptionSequence}, and the cascade with the mask only
 * on each clip's first {@code ClipAnalysis.KEEP_PERCEIVED} frames as the pipeline asks for it; the group
 * "opencv/vtest.avi whole" reads all 159 sampled frames of that clip, so that last variant differs there). The variants take turns
 * clip pass by clip pass so all see the same machine load; the floor is the process CPU of one bare session.run
 * of each detector (YOLOX + UltraFace, 1 thread) on a pre-built tensor: what any frame costs at the least. Run only
 * these rows: {@code java @/tmp/bench.args io.setkeeper.appliance.bench.PerceptionBenchmark $SETKEEPER_DATA pipeline}.
 */
public final class PerceptionBenchmark {
    private static final int WARMUP = 3;
    private static final int RUNS = 21;

    private PerceptionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : System.getenv("SETKEEPER_DATA"));
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), data.resolve("models"));
        if (args.length > 1 && args[1].equals("pipeline")) {
            PipelineRows.run(data, registry);
            return;
        }
        List<Frame> asl = BenchFrames.sample(data.resolve("footage/asl/please.mkv"), 5, RUNS);
        List<Frame> hd = BenchFrames.sample(data.resolve("footage/h264/VID_1920x1080_cabac_temporal_direct.264"), 5, RUNS);
        System.out.printf("load average at start: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("frames: %d of 640x480 (asl/please.mkv), %d of 1920x1080 (h264 street); median of %d runs, %d warm-up%n",
                asl.size(), hd.size(), RUNS, WARMUP);
        for (InferenceConfig config : List.of(InferenceConfig.cpu(1), InferenceConfig.cpu(2),
                new InferenceConfig(ExecutionProvider.CPU, 2, 0, true))) {
            InferenceEngine engine = new InferenceEngine(registry, config);
            System.out.printf("%n== intra-op threads %d, spin-wait %s, provider %s ==%n", config.intraOpThreads(),
                    config.spinWait(), engine.provider().active());
            System.out.printf("%-22s %-9s %10s %10s %7s %8s%n", "model", "frame", "ours ms", "floor ms", "ratio", "prep ms");
            try (ModelSession det = engine.open(PerceptionModels.FACE_DETECTOR);
                 ModelSession lm = engine.open(PerceptionModels.FACE_LANDMARKS);
                 ModelSession pose = engine.open(PerceptionModels.HEAD_POSE);
                 ModelSession emb = engine.open(PerceptionModels.FACE_EMBEDDING);
                 ModelSession yolo = engine.open(PerceptionModels.OBJECTS);
                 ModelSession seg = engine.open(PerceptionModels.PERSON_MASK)) {
                FaceDetector detector = new FaceDetector(det);
                List<Box> faces = asl.stream().map(f -> detector.detect(f).getFirst()).toList();
                FaceLandmarker landmarker = new FaceLandmarker(lm);
                List<double[]> five = new ArrayList<>();
                for (int i = 0; i < asl.size(); i++) {
                    five.add(FaceLandmarker.fivePoints(landmarker.landmarks(asl.get(i), faces.get(i))));
                }
                for (var set : List.of(Map.entry("640x480", asl), Map.entry("1920x1080", hd))) {
                    List<Frame> frames = set.getValue();
                    row("ultraface", set.getKey(), det, frames, detector::detect, FaceDetector::input);
                    row("yolox-nano", set.getKey(), yolo, frames, new ObjectDetector(yolo)::detect, ObjectDetector::input);
                    row("deeplab-v3", set.getKey(), seg, frames, new PersonSegmenter(seg)::segment, PersonSegmenter::input);
                }
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < asl.size(); i++) {
                    idx.add(i);
                }
                HeadPoseEstimator hp = new HeadPoseEstimator(pose);
                FaceEmbedder embedder = new FaceEmbedder(emb);
                row("fr-landmark (face)", "640x480", lm, idx, i -> landmarker.landmarks(asl.get(i), faces.get(i)),
                        i -> FaceLandmarker.input(asl.get(i), faces.get(i)));
                row("fr-pose (face)", "640x480", pose, idx, i -> hp.estimate(asl.get(i), faces.get(i)),
                        i -> HeadPoseEstimator.input(asl.get(i), faces.get(i)));
                row("fr-feature (face)", "640x480", emb, idx, i -> embedder.embed(asl.get(i), five.get(i)),
                        i -> FaceEmbedder.input(asl.get(i), five.get(i)));
            }
            try (Perception all = Perception.open(engine)) {
                for (var set : List.of(Map.entry("640x480", asl), Map.entry("1920x1080", hd))) {
                    double faces = median(set.getValue(), all::faces);
                    double perceive = median(set.getValue(), all::perceive);
                    System.out.printf("%-22s %-9s %10.2f   (faces only %.2f ms; %.1f frames/s)%n", "perceive (all models)",
                            set.getKey(), perceive, faces, 1000 / perceive);
                }
            }
        }
        PipelineRows.run(data, registry);
    }

    /**
     * Alternates floor and ours run by run (the machine is shared, so both see the same load) and prints medians;
     * "prep" is building the input tensor from the frame alone.
     */
    private static <T> void row(String name, String size, ModelSession session, List<T> items, Function<T, ?> ours,
                                Function<T, Map<String, Tensor>> input) {
        Map<String, Tensor> floorInput = input.apply(items.getFirst());
        session.floorMillis(floorInput, WARMUP, 1);
        List<Double> floor = new ArrayList<>(), mine = new ArrayList<>(), prep = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            T item = items.get(r % items.size());
            floor.add(session.floorMillis(floorInput, 0, 1));
            long t0 = System.nanoTime();
            input.apply(item);
            prep.add((System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            ours.apply(item);
            mine.add((System.nanoTime() - t0) / 1e6);
        }
        double f = med(floor), m = med(mine);
        System.out.printf("%-22s %-9s %10.2f %10.2f %7.2f %8.2f%n", name, size, m, f, m / f, med(prep));
    }

    private static double med(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static <T> double median(List<T> items, Function<T, ?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.apply(items.get(i % items.size()));
        }
        List<Double> times = new ArrayList<>();
        for (T item : items) {
            long t0 = System.nanoTime();
            Object result = work.apply(item);
            times.add((System.nanoTime() - t0) / 1e6);
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
