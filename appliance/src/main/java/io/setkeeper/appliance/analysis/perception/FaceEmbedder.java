package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.Map;

/**
 * A 512-d identity embedding from fr_feature: the face warped to 112x112 by the similarity transform that best
 * maps its five points onto the model's reference points, RGB (x-127)/128; the output is L2-normalised.
 */
public final class FaceEmbedder {
    static final int SIZE = 112;
    /** The reference five points of the 112x112 aligned face (eye centres, nose tip, mouth corners). */
    static final double[] REFERENCE = {38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041};
    private static final PixelSpec SPEC = PixelSpec.planar(PixelSpec.Channels.RGB, 127f, 128f, 0f);

    private final ModelSession session;

    public FaceEmbedder(ModelSession session) {
        this.session = session;
    }

    /** The map from aligned-face pixels to frame pixels for five face points. */
    public static Affine alignment(double[] fivePoints) {
        return Similarity.estimate(fivePoints, REFERENCE).invert();
    }

    /** Model input for five points (exposed for benchmarking against the bare session). */
    public static Map<String, Tensor> input(Frame frame, double[] fivePoints) {
        return Map.of("input", Tensor.of(Sampler.sample(frame, alignment(fivePoints), SIZE, SIZE, SPEC), 1, 3, SIZE, SIZE));
    }

    public float[] embed(Frame frame, double[] fivePoints) {
        float[] v = session.run(input(frame, fivePoints)).values().iterator().next().data();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
