package io.setkeeper.appliance.fixes.cdl;

import io.setkeeper.appliance.colour.DeltaE;
import io.setkeeper.appliance.colour.Lab;
import io.setkeeper.appliance.fixes.LeastSquares;
import io.setkeeper.appliance.review.Verdict;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.util.Locale;

/**
 * Solves the ASC CDL (slope, offset, power per channel, saturation) that makes a shot's background look like a
 * reference, and judges it. Least squares (Levenberg-Marquardt) over the ten numbers, slope, power and saturation in
 * log form so they stay positive, with a weak pull towards the identity:
 * <ul>
 * <li>against a measured reference (another clip's pixels) on the 19 quantiles of R, G, B, R-Y and B-Y, started
 *     from a per-channel straight-line fit of the R, G, B quantiles (correspondence-free histogram matching);</li>
 * <li>against a Gaussian reference (a scene or setup look of the production model: CIELAB mean and covariance) on
 *     the Lab mean, standard deviations and correlations, with a stronger pull to the identity (nine numbers
 *     cannot pin ten).</li>
 * </ul>
 * The colour difference is CIEDE2000 between the mean Lab colours of five equal-count lightness bands of the shot
 * and of the reference (for a Gaussian reference both sides are reduced to their Gaussian), averaged over the bands.
 * Pure.
 */
public final class CdlMatch {
    /** Default verdict limit: mean band CIEDE2000 after the CDL (about two just-noticeable differences). */
    public static final double DEFAULT_LIMIT = 3.0;
    private static final int ITERATIONS = 60;
    /** Pixels the solver works on (an even subset of the shot's sample); the judgement uses all of them. */
    private static final int FIT_PIXELS = 3000;

    /** The solved CDL, the colour difference before and after (mean and worst band), and the verdict. */
    public record Match(Cdl cdl, double deltaEBefore, double deltaEAfter, double worstBandBefore,
                       double worstBandAfter, double limit, Verdict verdict) {
    }

    private CdlMatch() {
    }

    /** Solves a CDL that matches {@code shot} to {@code reference} and judges it against {@code limit}. */
    public static Match match(Pixels shot, LookStats reference, double limit, String referenceName) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("the colour difference limit must be > 0, was " + limit);
        }
        boolean measured = reference.hasQuantiles();
        Pixels fit = shot.thin(FIT_PIXELS);
        double[] start = measured ? linearStart(LookStats.of(fit), reference) : new double[10];
        LeastSquares.Solution s = LeastSquares.minimise(x -> measured ? quantileResiduals(fit, reference, x)
                : momentResiduals(fit, reference, x), start, ITERATIONS);
        Cdl cdl = cdl(s.x());
        double[] before = compare(LookStats.of(shot), reference);
        double[] after = compare(LookStats.of(shot.apply(cdl)), reference);
        String numbers = String.format(Locale.ROOT, "CIEDE2000 %.2f before, %.2f after the CDL (limit %.1f; mean of"
                + " 5 lightness bands against %s)", before[0], after[0], limit, referenceName);
        Verdict verdict = after[0] <= limit
                ? new Verdict(Verdict.Kind.FIXABLE_IN_POST, "fixable in post: " + numbers)
                : new Verdict(Verdict.Kind.RESHOOT_ADVISED, String.format(Locale.ROOT,
                "reshoot advised: the colour difference after the CDL is still %.2f > %.1f (%s)", after[0], limit,
                numbers));
        return new Match(cdl, before[0], after[0], before[1], after[1], limit, verdict);
    }

    private static double[] compare(LookStats shot, LookStats reference) {
        return reference.hasQuantiles() ? shot.deltaE(reference) : shot.asGaussian().deltaE(reference);
    }

    /** Parameters: ln slope (3), offset (3), ln power (3), ln saturation. */
    static Cdl cdl(double[] x) {
        return Cdl.of("match", new Rgb(Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2])), new Rgb(x[3], x[4], x[5]),
                new Rgb(Math.exp(x[6]), Math.exp(x[7]), Math.exp(x[8])), Math.exp(x[9]));
    }

    /** Per channel, ref quantile = a * shot quantile + b by least squares: slope a and offset b, power 1. */
    private static double[] linearStart(LookStats shot, LookStats ref) {
        double[] x = new double[10];
        for (int c = 0; c < 3; c++) {
            float[] s = shot.quantiles()[c], r = ref.quantiles()[c];
            double ms = 0, mr = 0;
            for (int q = 0; q < s.length; q++) {
                ms += s[q];
                mr += r[q];
            }
            ms /= s.length;
            mr /= s.length;
            double sxy = 0, sxx = 0;
            for (int q = 0; q < s.length; q++) {
                sxy += (s[q] - ms) * (r[q] - mr);
                sxx += (s[q] - ms) * (s[q] - ms);
            }
            double a = sxx < 1e-9 ? 1 : Math.max(0.05, Math.min(20, sxy / sxx));
            x[c] = Math.log(a);
            x[3 + c] = mr - a * ms;
        }
        return x;
    }

    private static double[] quantileResiduals(Pixels shot, LookStats ref, double[] x) {
        float[][] q = LookStats.quantiles(shot.apply(cdl(x)).rgb());
        float[][] target = ref.quantiles();
        double[] r = new double[5 * LookStats.QUANTILES + 10];
        int k = 0;
        for (int c = 0; c < 5; c++) {
            double w = c < 3 ? 1 : 2;
            for (int i = 0; i < LookStats.QUANTILES; i++) {
                r[k++] = w * (q[c][i] - target[c][i]);
            }
        }
        return regularise(x, r, k, 0.002);
    }

    private static double[] momentResiduals(Pixels shot, LookStats ref, double[] x) {
        LookStats s = LookStats.of(shot.apply(cdl(x)));
        double[] r = new double[9 + 10];
        int k = 0;
        double[] sdS = new double[3], sdR = new double[3];
        for (int a = 0; a < 3; a++) {
            sdS[a] = Math.sqrt(Math.max(1e-9, s.covariance()[a * 4]));
            sdR[a] = Math.sqrt(Math.max(1e-9, ref.covariance()[a * 4]));
            r[k++] = s.mean()[a] - ref.mean()[a];
            r[k++] = sdS[a] - sdR[a];
        }
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int[] p : pairs) {
            double cs = s.covariance()[p[0] * 3 + p[1]] / (sdS[p[0]] * sdS[p[1]]);
            double cr = ref.covariance()[p[0] * 3 + p[1]] / (sdR[p[0]] * sdR[p[1]]);
            r[k++] = 10 * (cs - cr);
        }
        return regularise(x, r, k, 2.0);
    }

    /** A weak pull of every parameter towards the identity (all zero in this parametrisation). */
    private static double[] regularise(double[] x, double[] r, int k, double weight) {
        for (double v : x) {
            r[k++] = weight * v;
        }
        return r;
    }

    /** CIEDE2000 between two sRGB code values (0..1), for reports. */
    public static double deltaE(Rgb a, Rgb b) {
        return DeltaE.ciede2000(Lab.fromUnit(a.r(), a.g(), a.b()), Lab.fromUnit(b.r(), b.g(), b.b()));
    }
}
