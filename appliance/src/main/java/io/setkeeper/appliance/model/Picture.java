package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.Frame;

/**
 * Noise of one frame for the per-setup baselines. Sharpness and exposure are not measured here: the baseline takes
 * them from the clip's QC ({@link FeatureExtractor}), the measure QC judges a clip by.
 */
final class Picture {
    private Picture() {
    }

    /** Immerkaer noise sigma of the luma, sampled every second pixel. */
    static double noise(Frame f) {
        double noiseAbs = 0;
        long m = 0;
        for (int y = 1; y < f.height() - 1; y += 2) {
            for (int x = 1; x < f.width() - 1; x += 2) {
                double c = FeatureExtractor.luma(f, x, y);
                double l = FeatureExtractor.luma(f, x - 1, y), r = FeatureExtractor.luma(f, x + 1, y);
                double u = FeatureExtractor.luma(f, x, y - 1), d = FeatureExtractor.luma(f, x, y + 1);
                double diag = FeatureExtractor.luma(f, x - 1, y - 1) + FeatureExtractor.luma(f, x + 1, y - 1)
                        + FeatureExtractor.luma(f, x - 1, y + 1) + FeatureExtractor.luma(f, x + 1, y + 1);
                noiseAbs += Math.abs(4 * c - 2 * (l + r + u + d) + diag);
                m++;
            }
        }
        return m == 0 ? 0 : Math.sqrt(Math.PI / 2) * noiseAbs / (6.0 * m);
    }
}
