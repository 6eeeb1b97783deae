package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Face boxes from UltraFace RFB-320: the whole frame resized to 320x240 RGB, (x-127)/128; the model gives
 * per-prior face probabilities and normalised corner boxes; thresholded, then NMS.
 */
public final class FaceDetector {
    static final int W = 320;
    static final int H = 240;
    private static final PixelSpec SPEC = PixelSpec.planar(PixelSpec.Channels.RGB, 127f, 128f, 0f);

    private final ModelSession session;
    private final float scoreThreshold;
    private final float iouThreshold;

    public FaceDetector(ModelSession session, float scoreThreshold, float iouThreshold) {
        this.session = session;
        this.scoreThreshold = scoreThreshold;
        this.iouThreshold = iouThreshold;
    }

    /** Defaults: score 0.7, NMS IoU 0.3 (the model authors' settings). */
    public FaceDetector(ModelSession session) {
        this(session, 0.7f, 0.3f);
    }

    /** The model input for a frame (exposed for benchmarking against the bare session). */
    public static Map<String, Tensor> input(Frame frame) {
        Affine map = Affine.cropResize(0, 0, frame.width(), frame.height(), W, H);
        return Map.of("input", Tensor.of(Sampler.sample(frame, map, W, H, SPEC), 1, 3, H, W));
    }

    /** Face boxes in frame pixels, highest score first. */
    public List<Box> detect(Frame frame) {
        Map<String, Tensor> out = session.run(input(frame));
        return decode(out.get("scores").data(), out.get("boxes").data(), frame.width(), frame.height(),
                scoreThreshold, iouThreshold);
    }

    /** Pure decode: scores [N,2] (background, face), boxes [N,4] normalised corners. */
    static List<Box> decode(float[] scores, float[] boxes, int width, int height, float scoreThreshold, float iou) {
        List<Box> candidates = new ArrayList<>();
        int n = scores.length / 2;
        for (int i = 0; i < n; i++) {
            float p = scores[2 * i + 1];
            if (p < scoreThreshold) {
                continue;
            }
            Box b = new Box(boxes[4 * i] * width, boxes[4 * i + 1] * height, boxes[4 * i + 2] * width,
                    boxes[4 * i + 3] * height, p).clip(width, height);
            if (b.area() > 0) {
                candidates.add(b);
            }
        }
        return Nms.suppress(candidates, b -> b, iou);
    }
}
