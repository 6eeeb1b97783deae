package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * People and objects from YOLOX-nano: the frame letterboxed into 416x416 (scaled to fit, top-left, padded with
 * 114), BGR 0..255; the raw [3549, 85] output decoded on the stride 8/16/32 grids (centre = (raw + cell) x stride,
 * size = exp(raw) x stride), score = objectness x best class, then per-class NMS.
 */
public final class ObjectDetector {
    static final int SIZE = 416;
    static final int[] STRIDES = {8, 16, 32};
    private static final PixelSpec SPEC = PixelSpec.planar(PixelSpec.Channels.BGR, 0f, 1f, 114f);

    private final ModelSession session;
    private final float scoreThreshold;
    private final float iouThreshold;

    public ObjectDetector(ModelSession session, float scoreThreshold, float iouThreshold) {
        this.session = session;
        this.scoreThreshold = scoreThreshold;
        this.iouThreshold = iouThreshold;
    }

    /** Defaults: score 0.3, NMS IoU 0.45. */
    public ObjectDetector(ModelSession session) {
        this(session, 0.3f, 0.45f);
    }

    /** Letterbox scale for a frame. */
    static double scale(int width, int height) {
        return Math.min((double) SIZE / width, (double) SIZE / height);
    }

    /** Model input for a frame (exposed for benchmarking against the bare session). */
    public static Map<String, Tensor> input(Frame frame) {
        double r = scale(frame.width(), frame.height());
        Affine map = new Affine(1 / r, 0, 0.5 / r - 0.5, 0, 1 / r, 0.5 / r - 0.5);
        return Map.of("images", Tensor.of(Sampler.sample(frame, map, SIZE, SIZE, SPEC), 1, 3, SIZE, SIZE));
    }

    public List<Detection> detect(Frame frame) {
        return detect(frame, scoreThreshold);
    }

    /**
     * Detections down to {@code threshold} (the cascade asks "could there be a person?" below the reporting
     * threshold). Greedy NMS keeps or drops a box only because of higher-scoring boxes, so the detections at or
     * above {@link #scoreThreshold()} are the same as {@link #detect(Frame)}'s whatever lower threshold is used.
     */
    public List<Detection> detect(Frame frame, float threshold) {
        float[] out = session.run(input(frame)).values().iterator().next().data();
        return decode(out, scale(frame.width(), frame.height()), frame.width(), frame.height(), threshold, iouThreshold);
    }

    /** The score a detection needs to be reported by {@link #detect(Frame)}. */
    public float scoreThreshold() {
        return scoreThreshold;
    }

    /** Pure decode of the raw output rows (85 values each) back to frame pixels. */
    static List<Detection> decode(float[] out, double scale, int width, int height, float scoreThreshold, float iou) {
        int rows = out.length / 85;
        List<Detection> candidates = new ArrayList<>();
        int row = 0;
        for (int stride : STRIDES) {
            int cells = SIZE / stride;
            for (int gy = 0; gy < cells; gy++) {
                for (int gx = 0; gx < cells; gx++, row++) {
                    if (row >= rows) {
                        throw new IllegalStateException("YOLOX output has " + rows + " rows, grid needs more");
                    }
                    int o = row * 85;
                    float obj = out[o + 4];
                    if (obj < scoreThreshold) {
                        continue;
                    }
                    int best = 0;
                    for (int c = 1; c < 80; c++) {
                        if (out[o + 5 + c] > out[o + 5 + best]) {
                            best = c;
                        }
                    }
                    float score = obj * out[o + 5 + best];
                    if (score < scoreThreshold) {
                        continue;
                    }
                    double cx = (out[o] + gx) * stride;
                    double cy = (out[o + 1] + gy) * stride;
                    double w = Math.exp(out[o + 2]) * stride;
                    double h = Math.exp(out[o + 3]) * stride;
                    Box b = new Box((float) ((cx - w / 2) / scale), (float) ((cy - h / 2) / scale),
                            (float) ((cx + w / 2) / scale), (float) ((cy + h / 2) / scale), score).clip(width, height);
                    if (b.area() > 0) {
                        candidates.add(new Detection(b, best, CocoLabels.NAMES.get(best)));
                    }
                }
            }
        }
        if (row != rows) {
            throw new IllegalStateException("YOLOX output has " + rows + " rows, the 416 grid has " + row);
        }
        Map<Integer, List<Detection>> byClass = new HashMap<>();
        for (Detection d : candidates) {
            byClass.computeIfAbsent(d.classId(), k -> new ArrayList<>()).add(d);
        }
        List<Detection> kept = new ArrayList<>();
        for (List<Detection> group : byClass.values()) {
            kept.addAll(Nms.suppress(group, Detection::box, iou));
        }
        // score first; ties broken by class and position so the order does not depend on map iteration
        kept.sort(java.util.Comparator.comparingDouble((Detection d) -> -d.box().score()).thenComparingInt(Detection::classId)
                .thenComparingDouble(d -> d.box().x1()).thenComparingDouble(d -> d.box().y1()));
        return kept;
    }
}
