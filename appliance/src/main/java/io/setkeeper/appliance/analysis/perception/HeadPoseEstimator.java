package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.Iterator;
import java.util.Map;

/**
 * Head pose from fr_pose (Hopenet-style): the face box enlarged by a quarter on each side, 224x224 RGB with
 * ImageNet mean/std; three 66-bin outputs (yaw, pitch, roll; 3 degree bins from -99) turned into angles as the
 * expected value over the softmax.
 */
public final class HeadPoseEstimator {
    static final int SIZE = 224;
    private static final PixelSpec SPEC = new PixelSpec(PixelSpec.Channels.RGB, false,
            new float[] {0.485f * 255, 0.456f * 255, 0.406f * 255}, new float[] {0.229f * 255, 0.224f * 255, 0.225f * 255}, 0f);

    private final ModelSession session;

    public HeadPoseEstimator(ModelSession session) {
        this.session = session;
    }

    /** Model input for a face (exposed for benchmarking against the bare session). */
    public static Map<String, Tensor> input(Frame frame, Box face) {
        Box c = new Box(face.x1() - face.width() / 4, face.y1() - face.height() / 4, face.x2() + face.width() / 4,
                face.y2() + face.height() / 4, face.score()).clip(frame.width(), frame.height());
        Affine map = Affine.cropResize(c.x1(), c.y1(), c.width(), c.height(), SIZE, SIZE);
        return Map.of("input", Tensor.of(Sampler.sample(frame, map, SIZE, SIZE, SPEC), 1, 3, SIZE, SIZE));
    }

    public HeadPose estimate(Frame frame, Box face) {
        Iterator<Tensor> out = session.run(input(frame, face)).values().iterator();
        return new HeadPose(angle(out.next().data()), angle(out.next().data()), angle(out.next().data()));
    }

    /** Expected angle over the softmax of 3-degree bins starting at -99 degrees. */
    static double angle(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0, expected = 0;
        for (int i = 0; i < logits.length; i++) {
            double e = Math.exp(logits[i] - max);
            sum += e;
            expected += e * i;
        }
        return expected / sum * 3 - 99;
    }
}
