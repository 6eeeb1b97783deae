package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;

/**
 * Turns a BGR frame into a model input tensor in one pass: bilinear sampling through an output-to-source affine
 * map (covers resize, crop, letterbox and face alignment), channel reordering and normalisation.
 */
public final class Sampler {
    private Sampler() {
    }

    /** Samples an outW x outH tensor; {@code outToSrc} maps output pixel indices to source pixel indices. */
    public static float[] sample(Frame frame, Affine outToSrc, int outW, int outH, PixelSpec spec) {
        int channels = spec.channels().count();
        float[] out = new float[outW * outH * channels];
        int plane = outW * outH;
        int w = frame.width();
        int h = frame.height();
        byte[] px = frame.bgr();
        float[] bgr = new float[3];
        float[] value = new float[channels];
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                double sx = outToSrc.applyX(u, v);
                double sy = outToSrc.applyY(u, v);
                if (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5) {
                    bgr[0] = bgr[1] = bgr[2] = spec.fill();
                } else {
                    bilinear(px, w, h, sx, sy, bgr);
                }
                switch (spec.channels()) {
                    case BGR -> {
                        value[0] = bgr[0];
                        value[1] = bgr[1];
                        value[2] = bgr[2];
                    }
                    case RGB -> {
                        value[0] = bgr[2];
                        value[1] = bgr[1];
                        value[2] = bgr[0];
                    }
                    case GRAY -> value[0] = 0.114f * bgr[0] + 0.587f * bgr[1] + 0.299f * bgr[2];
                }
                int pixel = v * outW + u;
                for (int c = 0; c < channels; c++) {
                    float n = (value[c] - spec.mean()[c]) / spec.std()[c];
                    if (spec.nhwc()) {
                        out[pixel * channels + c] = n;
                    } else {
                        out[c * plane + pixel] = n;
                    }
                }
            }
        }
        return out;
    }

    private static void bilinear(byte[] px, int w, int h, double sx, double sy, float[] bgr) {
        double cx = Math.max(0, Math.min(w - 1, sx));
        double cy = Math.max(0, Math.min(h - 1, sy));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        float fx = (float) (cx - x0);
        float fy = (float) (cy - y0);
        int i00 = (y0 * w + x0) * 3, i01 = (y0 * w + x1) * 3, i10 = (y1 * w + x0) * 3, i11 = (y1 * w + x1) * 3;
        for (int c = 0; c < 3; c++) {
            float top = (px[i00 + c] & 0xff) * (1 - fx) + (px[i01 + c] & 0xff) * fx;
            float bottom = (px[i10 + c] & 0xff) * (1 - fx) + (px[i11 + c] & 0xff) * fx;
            bgr[c] = top * (1 - fy) + bottom * fy;
        }
    }
}
