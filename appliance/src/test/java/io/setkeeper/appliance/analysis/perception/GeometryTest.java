package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.setkeeper.appliance.analysis.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {
    @Test
    void similarityRecoversAKnownRotationScaleAndShift() {
        double angle = Math.toRadians(17), s = 1.7, tx = 12.5, ty = -4;
        double[] src = {10, 20, 50, 22, 31, 45, 14, 70, 47, 69};
        double[] dst = new double[src.length];
        for (int i = 0; i < 5; i++) {
            double x = src[2 * i], y = src[2 * i + 1];
            dst[2 * i] = s * (Math.cos(angle) * x - Math.sin(angle) * y) + tx;
            dst[2 * i + 1] = s * (Math.sin(angle) * x + Math.cos(angle) * y) + ty;
        }
        Affine m = Similarity.estimate(src, dst);
        assertEquals(s, m.scale(), 1e-9);
        for (int i = 0; i < 5; i++) {
            assertEquals(dst[2 * i], m.applyX(src[2 * i], src[2 * i + 1]), 1e-9);
            assertEquals(dst[2 * i + 1], m.applyY(src[2 * i], src[2 * i + 1]), 1e-9);
        }
        Affine back = m.invert();
        assertEquals(src[4], back.applyX(dst[4], dst[5]), 1e-9);
        assertEquals(src[5], back.applyY(dst[4], dst[5]), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Similarity.estimate(new double[] {1, 1, 1, 1}, new double[] {0, 0, 1, 1}));
    }

    @Test
    void iouAndNms() {
        Box a = new Box(0, 0, 10, 10, 0.9f);
        Box b = new Box(5, 0, 15, 10, 0.8f);
        Box c = new Box(100, 100, 110, 110, 0.5f);
        assertEquals(50f / 150f, a.iou(b), 1e-6);
        assertEquals(0f, a.iou(c));
        assertEquals(List.of(a, c), Nms.suppress(List.of(c, b, a), x -> x, 0.3f));
        assertEquals(List.of(a, b, c), Nms.suppress(List.of(c, b, a), x -> x, 0.5f));
    }

    @Test
    void axisAlignedFastPathMatchesTheGeneralSampler() {
        java.util.Random random = new java.util.Random(7);
        byte[] px = new byte[97 * 61 * 3];
        random.nextBytes(px);
        Frame f = new Frame(97, 61, px, 0);
        for (boolean nhwc : new boolean[] {false, true}) { // planar (most models) and NHWC (DeepLab)
            PixelSpec spec = new PixelSpec(PixelSpec.Channels.RGB, nhwc, new float[] {10, 20, 30}, new float[] {2, 3, 4}, 114);
            for (Affine m : List.of(Affine.cropResize(0, 0, 97, 61, 40, 30), Affine.cropResize(-5, 10, 120, 80, 33, 17),
                    new Affine(97.0 / 64, 0, 0.3, 0, 97.0 / 64, 0.3))) {
                float[] fast = Sampler.sample(f, m, 64, 64, spec);
                float[] general = Sampler.sampleGeneral(f, m, 64, 64, spec);
                for (int i = 0; i < fast.length; i++) {
                    assertEquals(general[i], fast[i], 1e-3, "value " + i + " of " + m + (nhwc ? " (NHWC)" : ""));
                }
            }
        }
    }

    @Test
    void samplerReordersChannelsNormalisesAndPads() {
        // 2x1 frame: left pixel pure blue, right pixel pure red (BGR order in memory)
        Frame f = new Frame(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255}, 0);
        float[] rgb = Sampler.sample(f, Affine.cropResize(0, 0, 2, 1, 2, 1), 2, 1,
                PixelSpec.planar(PixelSpec.Channels.RGB, 0, 255, 0));
        // planar: R plane, G plane, B plane
        assertEquals(0f, rgb[0], 1e-6);
        assertEquals(1f, rgb[1], 1e-6);
        assertEquals(1f, rgb[4], 1e-6);
        assertEquals(0f, rgb[5], 1e-6);
        // letterbox: a 4x2 output of a 2x1 frame at scale 1 pads the rest with the fill value
        float[] padded = Sampler.sample(f, new Affine(1, 0, 0, 0, 1, 0), 4, 2,
                PixelSpec.planar(PixelSpec.Channels.BGR, 0, 1, 114));
        assertEquals(255f, padded[0], 1e-4);
        assertEquals(114f, padded[3], 1e-4);
        assertEquals(114f, padded[4], 1e-4);
        assertThrows(IllegalArgumentException.class, () -> new Frame(2, 2, new byte[3], 0));
    }
}
