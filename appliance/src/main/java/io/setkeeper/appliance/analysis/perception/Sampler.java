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
        if (outToSrc.b() == 0 && outToSrc.d() == 0 && spec.channels() != PixelSpec.Channels.GRAY) {
            return sampleAxisAligned(frame, outToSrc, outW, outH, spec);
        }
        return sampleGeneral(frame, outToSrc, outW, outH, spec);
    }

    /** Any affine map, any layout: per-pixel bilinear sampling. */
    static float[] sampleGeneral(Frame frame, Affine outToSrc, int outW, int outH, PixelSpec spec) {
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

    /**
     * Fast path for scale + shift maps into 3-channel tensors (planar or NHWC): per-column and per-row weights
     * computed once.
     */
    private static float[] sampleAxisAligned(Frame frame, Affine m, int outW, int outH, PixelSpec spec) {
        int w = frame.width();
        int h = frame.height();
        byte[] px = frame.bgr();
        int plane = outW * outH;
        float[] out = new float[plane * 3];
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        float[] fx = new float[outW];
        boolean[] outsideX = new boolean[outW];
        for (int u = 0; u < outW; u++) {
            double sx = m.applyX(u, 0);
            outsideX[u] = sx < -0.5 || sx > w - 0.5;
            double cx = Math.max(0, Math.min(w - 1, sx));
            x0[u] = (int) cx;
            x1[u] = Math.min(w - 1, x0[u] + 1);
            fx[u] = (float) (cx - x0[u]);
        }
        boolean rgb = spec.channels() == PixelSpec.Channels.RGB;
        boolean nhwc = spec.nhwc();
        float[] mean = spec.mean();
        float[] inv = {1 / spec.std()[0], 1 / spec.std()[1], 1 / spec.std()[2]};
        float fill = spec.fill();
        for (int v = 0; v < outH; v++) {
            double sy = m.applyY(0, v);
            boolean outsideY = sy < -0.5 || sy > h - 0.5;
            double cy = Math.max(0, Math.min(h - 1, sy));
            int y0 = (int) cy;
            int y1 = Math.min(h - 1, y0 + 1);
            float fy = (float) (cy - y0);
            int row0 = y0 * w * 3;
            int row1 = y1 * w * 3;
            for (int u = 0; u < outW; u++) {
                int o = v * outW + u;
                for (int c = 0; c < 3; c++) {
                    float value;
                    if (outsideY || outsideX[u]) {
                        value = fill;
                    } else {
                        int src = rgb ? 2 - c : c;
                        int a = row0 + x0[u] * 3 + src, b = row0 + x1[u] * 3 + src;
                        int cc = row1 + x0[u] * 3 + src, d = row1 + x1[u] * 3 + src;
                        float top = (px[a] & 0xff) + ((px[b] & 0xff) - (px[a] & 0xff)) * fx[u];
                        float bottom = (px[cc] & 0xff) + ((px[d] & 0xff) - (px[cc] & 0xff)) * fx[u];
                        value = top + (bottom - top) * fy;
                    }
                    out[nhwc ? o * 3 + c : c * plane + o] = (value - mean[c]) * inv[c];
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
