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

    /** The same model and settings, the whole frame resized to {@code side} on its longest side. */
    public TextDetector atSide(int side) {
        return new TextDetector(session, side, settings);
    }

    /** The model input size (width, height) for a frame. */
    static int[] inputSize(int width, int height, int side) {
        double scale = (double) side / Math.max(width, height);
        return new int[] {round32(width * scale), round32(height * scale)};
    }

    private static int round32(double v) {
        return Math.max(32, (int) Math.round(v / 32) * 32);
    }

    /**
     * The model's text probability map over a part of the frame and where its pixels are in the frame: map pixel
     * (u, v) covers frame pixel ({@code x0 + u * sx}, {@code y0 + v * sy}).
     */
    public record ProbabilityMap(float[] data, int width, int height, double x0, double y0, double sx, double sy) {
        /** Text regions in frame pixels, in reading order. */
        public List<TextRegion> regions(TextRegions.Settings settings) {
            return TextRegions.find(data, width, height, settings).stream()
                    .map(r -> r.scaled(sx, sy).translated(x0, y0)).toList();
        }
    }

    /** Text regions in frame pixels, in reading order. */
    public List<TextRegion> detect(Frame frame) {
        return map(frame).regions(settings);
    }

    /** The probability map of the whole frame, its longest side resized to {@code side}. */
    public ProbabilityMap map(Frame frame) {
        int[] in = inputSize(frame.width(), frame.height(), side);
        return map(frame, 0, 0, frame.width(), frame.height(), in[0], in[1]);
    }

    /**
     * Text regions in frame pixels in the part ({@code x, y, w, h}, clipped to the frame) of the frame, seen
     * {@code scale} times larger (each input side a multiple of 32, the input at most {@code side} on its longest).
     */
    public List<TextRegion> detect(Frame frame, double x, double y, double w, double h, double scale) {
        double x0 = Math.max(0, x), y0 = Math.max(0, y);
        double cw = Math.min(frame.width(), x + w) - x0, ch = Math.min(frame.height(), y + h) - y0;
        if (cw < 8 || ch < 8) {
            return List.of();
        }
        double s = Math.min(scale, (double) side / Math.max(cw, ch));
        return map(frame, x0, y0, cw, ch, round32(cw * s), round32(ch * s)).regions(settings);
    }

    private ProbabilityMap map(Frame frame, double x, double y, double w, double h, int inW, int inH) {
        Affine map = Affine.cropResize(x, y, w, h, inW, inH);
        Map<String, Tensor> out = session.run(Map.of("x", Tensor.of(Sampler.sample(frame, map, inW, inH, SPEC),
                1, 3, inH, inW)));
        Tensor prob = out.values().iterator().next();
        return new ProbabilityMap(prob.data(), inW, inH, x, y, w / inW, h / inH);
    }

    public TextRegions.Settings settings() {
        return settings;
    }
}
