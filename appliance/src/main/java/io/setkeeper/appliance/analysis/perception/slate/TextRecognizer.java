package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Affine;
import io.setkeeper.appliance.analysis.perception.PixelSpec;
import io.setkeeper.appliance.analysis.perception.Sampler;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.Map;

/**
 * Reads the text in one oriented region with PP-OCRv4 recognition: the region is warped upright to 48 px high
 * (width keeping its aspect, 16..640 px), BGR, (x/255-0.5)/0.5, and the [1,T,6625] output is CTC-decoded.
 */
public final class TextRecognizer {
    static final int H = 48;
    private static final PixelSpec SPEC = PixelSpec.planar(PixelSpec.Channels.BGR, 127.5f, 127.5f, 127.5f);

    private final ModelSession session;
    private final CtcDecoder decoder;

    public TextRecognizer(ModelSession session, CtcDecoder decoder) {
        this.session = session;
        this.decoder = decoder;
    }

    /** The output-pixel to frame-pixel map that samples the region upright into a {@code outW} x 48 crop. */
    static Affine upright(TextRegion r, int outW) {
        double cos = Math.cos(r.angle());
        double sin = Math.sin(r.angle());
        double su = r.width() / outW;
        double sv = r.height() / H;
        double u0 = 0.5 - outW / 2.0;
        double v0 = 0.5 - H / 2.0;
        return new Affine(su * cos, -sv * sin, r.cx() + u0 * su * cos - v0 * sv * sin - 0.5,
                su * sin, sv * cos, r.cy() + u0 * su * sin + v0 * sv * cos - 0.5);
    }

    static int outputWidth(TextRegion r) {
        return (int) Math.max(16, Math.min(640, Math.round(H * r.width() / Math.max(1, r.height()))));
    }

    public TextLine read(Frame frame, TextRegion region) {
        int w = outputWidth(region);
        float[] input = Sampler.sample(frame, upright(region, w), w, H, SPEC);
        Tensor out = session.run(Map.of("x", Tensor.of(input, 1, 3, H, w))).values().iterator().next();
        int steps = (int) out.shape()[1];
        CtcDecoder.Decoded d = decoder.decode(out.data(), 0, steps);
        return new TextLine(region, d.text(), d.confidence());
    }
}
