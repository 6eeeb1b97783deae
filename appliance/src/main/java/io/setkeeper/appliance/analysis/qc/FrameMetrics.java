package io.setkeeper.appliance.analysis.qc;

/**
 * The QC numbers of one frame.
 *
 * @param index      frame number in decode order, from 0
 * @param ptsMicros  presentation timestamp
 * @param meanLuma   mean luma level 0..255
 * @param clipped    % of pixels at or above {@link Thresholds#CLIP_LEVEL}
 * @param crushed    % of pixels at or below {@link Thresholds#CRUSH_LEVEL}
 * @param lit        % of pixels above {@link Thresholds#BLACK_LIT_LEVEL} (black-frame test)
 * @param sharpness  variance of the Laplacian of the luma plane
 * @param diff       mean absolute luma difference to the previous frame (NaN for the first)
 * @param dx         global horizontal shift to the previous frame, analysis pixels (0 for the first)
 * @param dy         global vertical shift
 * @param gain       how much better the shifted match is than no shift (0..1)
 * @param step1      mean absolute difference to the previous frame on the half-resolution plane (NaN for the first)
 * @param step2      the same to the frame two back: what a two-interval step looks like here (NaN for the first two)
 */
public record FrameMetrics(long index, long ptsMicros, double meanLuma, double clipped, double crushed, double lit,
                           double sharpness, double diff, double dx, double dy, double gain, double step1,
                           double step2) {
    public double shift() {
        return Math.hypot(dx, dy);
    }
}
