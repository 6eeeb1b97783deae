package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a tracked face's embedding changes between consecutive sampled frames, against how much the face moved:
 * box IoU, the landmark shape change ({@link #shapeChange}) and the head pose change. Every face of
 * all asl takes at the pipeline's rate and size (2 fps, 480 px), and at the data tests' (5 fps, own size), perceived
 * fresh; each pair of consecutive faces matched by best IoU. Prints, per candidate reuse rule, how many embeddings
 * it would carry and the cosine of the carried embedding to the fresh one (lowest, 5th percentile, mean). Not a test:
 * {@code java @args io.setkeeper.appliance.analysis.perception.ReuseProbe $SETKEEPER_DATA}.
 */
public final class ReuseProbe {
    private record Pair(double iou, double shape, double pose, double cosine) {
    }

    private ReuseProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : System.getenv("SETKEEPER_DATA"));
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), data.resolve("models"));
        List<String> takes = List.of("again", "book", "brother", "eat", "learn", "milk", "night", "no", "please",
                "school", "sorry", "want");
        try (Perception p = Perception.open(new InferenceEngine(registry, InferenceConfig.cpu(1)))) {
            for (double fps : new double[] {2, 5}) {
                List<Pair> pairs = new ArrayList<>();
                int faces = 0;
                for (String t : takes) {
                    Path clip = data.resolve("footage/asl/" + t + ".mkv");
                    List<Frame> frames = fps == 2 ? BenchFrames.analysisFrames(clip, fps, 60, 480)
                            : BenchFrames.sample(clip, fps, 60);
                    List<Face> previous = List.of();
                    for (Frame f : frames) {
                        List<Face> now = p.faces(f);
                        faces += now.size();
                        for (Face c : now) {
                            Face best = null;
                            for (Face q : previous) {
                                if (best == null || c.box().iou(q.box()) > c.box().iou(best.box())) {
                                    best = q;
                                }
                            }
                            if (best != null) {
                                pairs.add(new Pair(c.box().iou(best.box()),
                                        shapeChange(best.landmarks(), best.box(), c.landmarks(), c.box()),
                                        Math.max(Math.abs(c.pose().yaw() - best.pose().yaw()),
                                                Math.abs(c.pose().pitch() - best.pose().pitch())),
                                        Face.cosine(c.embedding(), best.embedding())));
                            }
                        }
                        previous = now;
                    }
                }
                System.out.printf("%n== asl, 12 takes at %.0f fps: %d faces, %d consecutive pairs ==%n", fps, faces,
                        pairs.size());
                System.out.printf("%-34s %6s %8s %8s %8s%n", "rule", "pairs", "min cos", "p5 cos", "mean cos");
                for (double iou : new double[] {0.7, 0.8, 0.9}) {
                    rule(pairs, String.format("IoU >= %.1f", iou), iou, 9, 999);
                    for (double shape : new double[] {0.01, 0.015, 0.02, 0.03}) {
                        rule(pairs, String.format("IoU >= %.1f, shape <= %.3f", iou, shape), iou, shape, 999);
                    }
                    for (double pose : new double[] {2, 4}) {
                        rule(pairs, String.format("IoU >= %.1f, pose <= %.0f deg", iou, pose), iou, 9, pose);
                    }
                }
            }
        }
    }

    private static void rule(List<Pair> pairs, String name, double iou, double shape, double pose) {
        List<Double> cos = new ArrayList<>();
        for (Pair p : pairs) {
            if (p.iou() >= iou && p.shape() <= shape && p.pose() <= pose) {
                cos.add(p.cosine());
            }
        }
        cos.sort(Double::compare);
        double mean = cos.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf("%-34s %6d %8.3f %8.3f %8.3f%n", name, cos.size(), cos.isEmpty() ? Double.NaN : cos.getFirst(),
                cos.isEmpty() ? Double.NaN : cos.get(cos.size() / 20), mean);
    }

    /**
     * How much a face changed shape between two frames, whatever it moved: the landmarks of each, less their own
     * centroid and divided by their box's width, compared point by point; the mean distance (0 = the same shape).
     */
    static double shapeChange(float[] before, Box beforeBox, float[] after, Box afterBox) {
        double[] cb = centroid(before), ca = centroid(after);
        double wb = Math.max(1e-6, beforeBox.width()), wa = Math.max(1e-6, afterBox.width());
        double sum = 0;
        int n = before.length / 2;
        for (int i = 0; i < n; i++) {
            double dx = (after[2 * i] - ca[0]) / wa - (before[2 * i] - cb[0]) / wb;
            double dy = (after[2 * i + 1] - ca[1]) / wa - (before[2 * i + 1] - cb[1]) / wb;
            sum += Math.sqrt(dx * dx + dy * dy);
        }
        return sum / n;
    }

    private static double[] centroid(float[] points) {
        double x = 0, y = 0;
        int n = points.length / 2;
        for (int i = 0; i < n; i++) {
            x += points[2 * i];
            y += points[2 * i + 1];
        }
        return new double[] {x / n, y / n};
    }
}
