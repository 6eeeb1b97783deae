package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeTest {
    @Test
    void yoloxGridDecodeMapsACellBackToFramePixels() {
        float[] out = new float[3549 * 85];
        // stride-16 grid starts after the 52x52 stride-8 cells; cell (gx=10, gy=5) of the 26x26 grid
        int row = 52 * 52 + 5 * 26 + 10;
        int o = row * 85;
        out[o] = 0.5f;
        out[o + 1] = 0.25f;
        out[o + 2] = (float) Math.log(4);
        out[o + 3] = (float) Math.log(8);
        out[o + 4] = 0.9f;
        out[o + 5 + 2] = 0.8f; // car
        double scale = 416.0 / 832; // an 832x624 frame
        List<Detection> d = ObjectDetector.decode(out, scale, 832, 624, 0.3f, 0.45f);
        assertEquals(1, d.size());
        Detection car = d.getFirst();
        assertEquals("car", car.label());
        assertEquals(0.72f, car.box().score(), 1e-6);
        // centre (10.5*16, 5.25*16) = (168, 84), size (64, 128) in model pixels; / 0.5 in frame pixels
        assertEquals((168 - 32) * 2, car.box().x1(), 1e-3);
        assertEquals((84 + 64) * 2, car.box().y2(), 1e-3);
        assertThrows(IllegalStateException.class, () -> ObjectDetector.decode(new float[85 * 10], 1, 10, 10, 0.3f, 0.45f));
    }

    @Test
    void ultrafaceDecodeThresholdsAndSuppresses() {
        float[] scores = {0.1f, 0.9f, 0.2f, 0.8f, 0.6f, 0.4f};
        float[] boxes = {0.1f, 0.1f, 0.3f, 0.3f, 0.11f, 0.1f, 0.31f, 0.3f, 0.6f, 0.6f, 0.7f, 0.7f};
        List<Box> faces = FaceDetector.decode(scores, boxes, 640, 480, 0.7f, 0.3f);
        assertEquals(1, faces.size());
        assertEquals(64f, faces.getFirst().x1(), 1e-4);
        assertEquals(144f, faces.getFirst().y2(), 1e-4);
    }

    @Test
    void poseAngleIsTheExpectedBinAngle() {
        float[] peaked = new float[66];
        peaked[33] = 50f; // bin 33 -> 33*3-99 = 0 degrees
        assertEquals(0.0, HeadPoseEstimator.angle(peaked), 1e-6);
        float[] twoBins = new float[66];
        java.util.Arrays.fill(twoBins, -100f);
        twoBins[40] = 10f;
        twoBins[41] = 10f; // halfway between 21 and 24 degrees
        assertEquals(22.5, HeadPoseEstimator.angle(twoBins), 1e-6);
    }

    @Test
    void deeplabArgmaxMarksPersonPixels() {
        int px = 257 * 257;
        float[] logits = new float[px * 21];
        for (int p = 0; p < px / 4; p++) {
            logits[p * 21 + 15] = 5f;
        }
        PersonMask mask = PersonSegmenter.decode(logits);
        assertEquals(0.25, mask.coverage(), 1e-4);
        assertTrue(mask.personAt(0, 0, 640, 480));
        assertTrue(!mask.personAt(639, 479, 640, 480));
        assertThrows(IllegalStateException.class, () -> PersonSegmenter.decode(new float[21]));
    }

    @Test
    void fivePointsComeFromEyeCentresNoseAndMouthCorners() {
        float[] lm = new float[136];
        for (int i = 36; i < 42; i++) {
            lm[2 * i] = 10;
            lm[2 * i + 1] = 20;
        }
        for (int i = 42; i < 48; i++) {
            lm[2 * i] = 30;
            lm[2 * i + 1] = 20;
        }
        lm[60] = 20;
        lm[61] = 30;
        lm[96] = 12;
        lm[97] = 40;
        lm[108] = 28;
        lm[109] = 40;
        double[] five = FaceLandmarker.fivePoints(lm);
        assertEquals(10, five[0], 1e-6);
        assertEquals(30, five[2], 1e-6);
        assertEquals(30, five[5], 1e-6);
        assertEquals(28, five[8], 1e-6);
        // aligned face: the left eye lands on the reference point
        Affine toFrame = FaceEmbedder.alignment(five);
        Affine toAligned = toFrame.invert();
        assertEquals(FaceEmbedder.REFERENCE[0], toAligned.applyX(10, 20), 3.0);
        assertEquals(FaceEmbedder.REFERENCE[1], toAligned.applyY(10, 20), 3.0);
    }
}
