package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Affine;
import io.setkeeper.appliance.analysis.perception.PixelSpec;
import io.setkeeper.appliance.analysis.perception.Sampler;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Text regions from PP-OCRv4 detection: the frame resized so that its longest side is {@code side} (each side a
 * multiple of 32), BGR with ImageNet mean/std in the order PaddleOCR applies them; the model's probability map
 * goes through {@link TextRegions}, and the regions come back in frame pixels.
 */
public final class TextDetector {
    private static final PixelSpec SPEC = new PixelSpec(PixelSpec.Channels.BGR, false,
            new float[] {0.485f * 255, 0.456f * 255, 0.406f * 255}, new float[] {0.229f * 255, 0.224f * 255, 0.225f * 255},
            0f);

    private final ModelSession session;
    private final int side;
    private final TextRegions.Settings settings;

    public TextDetector(ModelSession session, int side, TextRegions.Settings settings) {
        if (side < 32) {
            throw new IllegalArgumentException("detection side must be >= 32, got " + side);
        }
        this.session = session;
        this.side = side;
        this.settings = settings;
    }

    /** The model input size (width, height) for a frame. */
    static int[] inputSize(int width, int height, int side) {
        double scale = (double) side / Math.max(width, height);
        return new int[] {round32(width * scale), round32(height * scale)};
    }

    private static int round32(double v) {
        return Math.max(32, (int) Math.round(v / 32) * 32);
    }

    /** Text regions in frame pixels, in reading order. */
    public List<TextRegion> detect(Frame frame) {
        int[] in = inputSize(frame.width(), frame.height(), side);
        Affine map = Affine.cropResize(0, 0, frame.width(), frame.height(), in[0], in[1]);
        Map<String, Tensor> out = session.run(Map.of("x", Tensor.of(Sampler.sample(frame, map, in[0], in[1], SPEC),
                1, 3, in[1], in[0])));
        Tensor prob = out.values().iterator().next();
        double sx = (double) frame.width() / in[0];
        double sy = (double) frame.height() / in[1];
        return TextRegions.find(prob.data(), in[0], in[1], settings).stream().map(r -> r.scaled(sx, sy)).toList();
    }
}
