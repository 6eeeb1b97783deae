package io.setkeeper.appliance.fixes.cdl;

import io.setkeeper.appliance.colour.DeltaE;
import io.setkeeper.appliance.colour.Lab;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.util.Arrays;

/**
 * Colour statistics of a pixel sample: CIELAB mean and covariance, the mean Lab colour of five equal-count
 * lightness bands (shadows to highlights), and quantiles of R, G, B and of the two colour differences R-Y, B-Y
 * (Rec. 709 luma). Pure.
 */
public record LookStats(double[] mean, double[] covariance, double[][] bands, float[][] quantiles) {
    /** Bands from shadows to highlights. */
    public static final int BANDS = 5;
    /** Quantiles per channel: 5 %, 10 %, ... 95 %. */
    public static final int QUANTILES = 19;
    /** Mean of a standard normal variable within each of its five quintiles. */
    static final double[] QUINTILE_MEANS = {-1.3998, -0.5319, 0, 0.5319, 1.3998};

    public static LookStats of(Pixels p) {
        int n = p.count();
        float[] rgb = p.rgb();
        double[] lab = new double[3 * n];
        double[] one = new double[3];
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            Lab.fromUnit(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2], one);
            System.arraycopy(one, 0, lab, 3 * i, 3);
            for (int a = 0; a < 3; a++) {
                mean[a] += one[a];
            }
        }
        for (int a = 0; a < 3; a++) {
            mean[a] /= n;
        }
        double[] cov = new double[9];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    cov[a * 3 + b] += (lab[3 * i + a] - mean[a]) * (lab[3 * i + b] - mean[b]);
                }
            }
        }
        for (int k = 0; k < 9; k++) {
            cov[k] /= n;
        }
        return new LookStats(mean, cov, bands(lab, n), quantiles(rgb));
    }

    /** Statistics of a Gaussian look (a model reference): bands from the conditional means, no quantiles. */
    public static LookStats gaussian(double[] mean, double[] covariance) {
        return new LookStats(mean.clone(), covariance.clone(), gaussianBands(mean, covariance), null);
    }

    /** The same statistics reduced to what a Gaussian look holds (for comparing with one). */
    public LookStats asGaussian() {
        return gaussian(mean, covariance);
    }

    public boolean hasQuantiles() {
        return quantiles != null;
    }

    /** Mean and largest CIEDE2000 over the five lightness bands to {@code other}. */
    public double[] deltaE(LookStats other) {
        double sum = 0, max = 0;
        for (int k = 0; k < BANDS; k++) {
            double d = DeltaE.ciede2000(bands[k], other.bands[k]);
            sum += d;
            max = Math.max(max, d);
        }
        return new double[] {sum / BANDS, max};
    }

    static double[][] gaussianBands(double[] mean, double[] cov) {
        double sdL = Math.sqrt(Math.max(0, cov[0]));
        double[][] out = new double[BANDS][3];
        for (int k = 0; k < BANDS; k++) {
            double z = QUINTILE_MEANS[k];
            out[k][0] = mean[0] + sdL * z;
            out[k][1] = mean[1] + (sdL == 0 ? 0 : cov[3] / sdL * z);
            out[k][2] = mean[2] + (sdL == 0 ? 0 : cov[6] / sdL * z);
        }
        return out;
    }

    private static double[][] bands(double[] lab, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(lab[3 * x], lab[3 * y]));
        double[][] out = new double[BANDS][3];
        for (int k = 0; k < BANDS; k++) {
            int from = (int) ((long) n * k / BANDS), to = Math.max(from + 1, (int) ((long) n * (k + 1) / BANDS));
            to = Math.min(to, n);
            int count = 0;
            for (int i = from; i < to; i++) {
                for (int a = 0; a < 3; a++) {
                    out[k][a] += lab[3 * order[i] + a];
                }
                count++;
            }
            for (int a = 0; a < 3; a++) {
                out[k][a] = count == 0 ? 0 : out[k][a] / count;
            }
        }
        return out;
    }

    /** Quantiles of R, G, B, R-Y, B-Y. */
    static float[][] quantiles(float[] rgb) {
        int n = rgb.length / 3;
        float[][] ch = new float[5][n];
        for (int i = 0; i < n; i++) {
            float r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
            float y = (float) (Cdl.LUMA_R * r + Cdl.LUMA_G * g + Cdl.LUMA_B * b);
            ch[0][i] = r;
            ch[1][i] = g;
            ch[2][i] = b;
            ch[3][i] = r - y;
            ch[4][i] = b - y;
        }
        float[][] out = new float[5][QUANTILES];
        for (int c = 0; c < 5; c++) {
            Arrays.sort(ch[c]);
            for (int q = 0; q < QUANTILES; q++) {
                double pos = (q + 1) / (QUANTILES + 1.0) * (n - 1);
                int lo = (int) Math.floor(pos);
                int hi = Math.min(n - 1, lo + 1);
                double t = pos - lo;
                out[c][q] = (float) (ch[c][lo] * (1 - t) + ch[c][hi] * t);
            }
        }
        return out;
    }
}
