package io.setkeeper.appliance.coverage;

import io.setkeeper.appliance.plan.ShotSize;

/**
 * Shot size from how much of the frame's height a face takes. A pure function with fixed thresholds (documented in
 * docs/coverage.md), from the usual body proportions: a face (brow to chin, what face detectors box) is about a
 * tenth of a standing person's height, so a full shot (the whole body in about 90% of the frame) shows a face of
 * about 0.09 of the frame height, a medium shot (waist up) about 0.2, a medium close-up (chest up) about 0.3 and a
 * close-up (head and shoulders) about 0.5. The thresholds sit between those centres.
 */
public final class ShotSizes {
    /** Face height / frame height at or above which a framing is that size (checked from the top). */
    public static final double ECU = 0.70;
    public static final double CU = 0.40;
    public static final double MCU = 0.26;
    public static final double MS = 0.165;
    public static final double MWS = 0.11;
    public static final double FS = 0.065;
    public static final double WS = 0.02;
    /**
     * A face detector's box is taller than wide; the production model keeps the face width, so the face height is
     * taken as this many times the width (a nominal head proportion, not measured per production).
     */
    public static final double FACE_HEIGHT_PER_WIDTH = 1.25;

    private ShotSizes() {
    }

    /** The shot size of a framing in which a face is {@code fraction} of the frame height. */
    public static ShotSize fromFaceHeight(double fraction) {
        if (!(fraction > 0)) {
            throw new IllegalArgumentException("face height fraction must be > 0, got " + fraction);
        }
        if (fraction >= ECU) {
            return ShotSize.ECU;
        }
        if (fraction >= CU) {
            return ShotSize.CU;
        }
        if (fraction >= MCU) {
            return ShotSize.MCU;
        }
        if (fraction >= MS) {
            return ShotSize.MS;
        }
        if (fraction >= MWS) {
            return ShotSize.MWS;
        }
        if (fraction >= FS) {
            return ShotSize.FS;
        }
        return fraction >= WS ? ShotSize.WS : ShotSize.EWS;
    }

    /**
     * The face height as a fraction of the frame height, from the face width as a fraction of the frame width and
     * the frame's pixel size.
     */
    public static double faceHeightFraction(double faceWidthFraction, int frameWidth, int frameHeight) {
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + frameWidth + "x" + frameHeight);
        }
        return faceWidthFraction * frameWidth * FACE_HEIGHT_PER_WIDTH / frameHeight;
    }
}
