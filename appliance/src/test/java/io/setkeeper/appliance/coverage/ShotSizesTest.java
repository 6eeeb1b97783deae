package io.setkeeper.appliance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.setkeeper.appliance.plan.ShotSize;
import org.junit.jupiter.api.Test;

class ShotSizesTest {
    @Test
    void eachBandFromWideToExtremeCloseUp() {
        assertEquals(ShotSize.EWS, ShotSizes.fromFaceHeight(0.01));
        assertEquals(ShotSize.WS, ShotSizes.fromFaceHeight(0.04));
        assertEquals(ShotSize.FS, ShotSizes.fromFaceHeight(0.09));
        assertEquals(ShotSize.MWS, ShotSizes.fromFaceHeight(0.13));
        assertEquals(ShotSize.MS, ShotSizes.fromFaceHeight(0.2));
        assertEquals(ShotSize.MCU, ShotSizes.fromFaceHeight(0.3));
        assertEquals(ShotSize.CU, ShotSizes.fromFaceHeight(0.5));
        assertEquals(ShotSize.ECU, ShotSizes.fromFaceHeight(0.9));
        assertEquals(ShotSize.ECU, ShotSizes.fromFaceHeight(1.4), "a face larger than the frame");
    }

    @Test
    void thresholdsBelongToTheTighterSize() {
        assertEquals(ShotSize.CU, ShotSizes.fromFaceHeight(ShotSizes.CU));
        assertEquals(ShotSize.MCU, ShotSizes.fromFaceHeight(Math.nextDown(ShotSizes.CU)));
        assertEquals(ShotSize.MS, ShotSizes.fromFaceHeight(ShotSizes.MS));
    }

    @Test
    void faceHeightFromItsWidthAndTheFrame() {
        // a face 64 px wide in a 640x480 frame: 80 px tall, 1/6 of the height
        assertEquals(80.0 / 480, ShotSizes.faceHeightFraction(0.1, 640, 480), 1e-9);
        assertEquals(ShotSize.MS, ShotSizes.fromFaceHeight(ShotSizes.faceHeightFraction(0.1, 640, 480)));
        // the same face width fraction in a 9:16 portrait frame is a much smaller share of its height
        assertEquals(ShotSize.FS, ShotSizes.fromFaceHeight(ShotSizes.faceHeightFraction(0.1, 1080, 1920)));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShotSizes.fromFaceHeight(0));
        assertThrows(IllegalArgumentException.class, () -> ShotSizes.fromFaceHeight(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ShotSizes.faceHeightFraction(0.1, 0, 480));
    }
}
