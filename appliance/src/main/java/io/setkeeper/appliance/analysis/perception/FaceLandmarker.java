package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.Map;

/**
 * 68 facial landmarks (iBUG 300-W order) from fr_landmark: the face box enlarged 1.2x about its centre and kept
 * inside the frame, resized to 64x64 grey, x/256; the model returns points normalised to that crop.
 */
public final class FaceLandmarker {
    static final int SIZE = 64;
    private static final PixelSpec SPEC = PixelSpec.planar(PixelSpec.Channels.GRAY, 0f, 256f, 0f);

    private final ModelSession session;

    public FaceLandmarker(ModelSession session) {
        this.session = session;
    }

    /** The crop region x, y, w, h the model sees for a face box. */
    static float[] crop(Box box, int width, int height) {
        float scale = Math.min(1.2f, Math.min((height - 1) / Math.max(1f, box.height()), (width - 1) / Math.max(1f, box.width())));
        float w = box.width() * scale;
        float h = box.height() * scale;
        float x = box.centerX() - w / 2;
        float y = box.centerY() - h / 2;
        x = Math.max(0, Math.min(x, width - 1 - w));
        y = Math.max(0, Math.min(y, height - 1 - h));
        return new float[] {x, y, w, h};
    }

    static Map<String, Tensor> input(Frame frame, float[] crop) {
        Affine map = Affine.cropResize(crop[0], crop[1], crop[2], crop[3], SIZE, SIZE);
        return Map.of("input", Tensor.of(Sampler.sample(frame, map, SIZE, SIZE, SPEC), 1, 1, SIZE, SIZE));
    }

    /** Model input for a face (exposed for benchmarking against the bare session). */
    public static Map<String, Tensor> input(Frame frame, Box face) {
        return input(frame, crop(face, frame.width(), frame.height()));
    }

    /** 136 values: x0,y0,...,x67,y67 in frame pixels. */
    public float[] landmarks(Frame frame, Box face) {
        float[] c = crop(face, frame.width(), frame.height());
        float[] out = session.run(input(frame, c)).values().iterator().next().data();
        if (out.length != 136) {
            throw new IllegalStateException("landmark model returned " + out.length + " values, expected 136");
        }
        float[] pts = new float[136];
        for (int i = 0; i < 68; i++) {
            pts[2 * i] = c[0] + out[2 * i] * c[2];
            pts[2 * i + 1] = c[1] + out[2 * i + 1] * c[3];
        }
        return pts;
    }

    /** The five alignment points (eye centres, nose tip, mouth corners; image-left first) from 68 landmarks. */
    public static double[] fivePoints(float[] lm) {
        double[] p = new double[10];
        for (int i = 36; i < 42; i++) {
            p[0] += lm[2 * i] / 6.0;
            p[1] += lm[2 * i + 1] / 6.0;
        }
        for (int i = 42; i < 48; i++) {
            p[2] += lm[2 * i] / 6.0;
            p[3] += lm[2 * i + 1] / 6.0;
        }
        p[4] = lm[60];
        p[5] = lm[61];
        p[6] = lm[96];
        p[7] = lm[97];
        p[8] = lm[108];
        p[9] = lm[109];
        return p;
    }
}
