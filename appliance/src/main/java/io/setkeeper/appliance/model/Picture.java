package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.Frame;

/** Picture measurements of one frame for the per-setup baselines. */
final class Picture {
    private Picture() {
    }

    /** {variance of the luma Laplacian, mean luma, Immerkaer noise sigma}, sampled every second pixel. */
    static double[] measure(Frame f) {
        double sum = 0, lapSum = 0, lapSq = 0, noiseAbs = 0;
        long n = 0, m = 0;
        for (int y = 1; y < f.height() - 1; y += 2) {
            for (int x = 1; x < f.width() - 1; x += 2) {
                double c = FeatureExtractor.luma(f, x, y);
                double l = FeatureExtractor.luma(f, x - 1, y), r = FeatureExtractor.luma(f, x + 1, y);
                double u = FeatureExtractor.luma(f, x, y - 1), d = FeatureExtractor.luma(f, x, y + 1);
                double lap = l + r + u + d - 4 * c;
                double diag = FeatureExtractor.luma(f, x - 1, y - 1) + FeatureExtractor.luma(f, x + 1, y - 1)
                        + FeatureExtractor.luma(f, x - 1, y + 1) + FeatureExtractor.luma(f, x + 1, y + 1);
                noiseAbs += Math.abs(4 * c - 2 * (l + r + u + d) + diag);
                sum += c;
                lapSum += lap;
                lapSq += lap * lap;
                n++;
                m++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double lapMean = n == 0 ? 0 : lapSum / n;
        double sharp = n == 0 ? 0 : lapSq / n - lapMean * lapMean;
        double noise = m == 0 ? 0 : Math.sqrt(Math.PI / 2) * noiseAbs / (6.0 * m);
        return new double[] {sharp, mean, noise};
    }
}
