package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.qc.BaselineJudge;
import io.setkeeper.appliance.analysis.qc.SetupBaseline;
import io.setkeeper.appliance.analysis.qc.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A setup's baseline from its learned takes' own numbers, so that a take that is off does not teach the norm. Pure.
 * <ol>
 *   <li>A first norm that one bad take cannot move: the median of the takes' sharpness and exposure, with the median
 *       absolute deviation x {@link #MAD_TO_SD} (the standard deviation of a normal sample) as the spread;
 *   <li>a take outside that norm by QC's own rules ({@link BaselineJudge#outOfNorm}: darker or brighter by more than 3
 *       spreads, at least 6 levels each; softer than 0.45 x the norm at its exposure), or more than 1 / 0.45 times as
 *       sharp, is an outlier: it stays learned for everything else, but does not teach the baseline;
 *   <li>the baseline is the mean and standard deviation of the other takes.
 * </ol>
 * With fewer than {@link Thresholds#BASELINE_MIN_CLIPS} takes nothing is left out (QC does not use such a baseline).
 * The result depends only on the set of takes, not on the order they were learned in, so forgetting or re-slating a
 * take gives the baseline it would have had without it; a setup relit for good follows once most of its takes are at
 * the new level. Holds while fewer than half of the setup's takes are off.
 */
final class RobustBaseline {
    /** The median absolute deviation of a normal sample times this is its standard deviation. */
    static final double MAD_TO_SD = 1.4826;

    private RobustBaseline() {
    }

    /** The baseline of {@code setup} from its takes (clip name to picture numbers). */
    static Baseline fit(String setup, Map<String, ClipFeatures.Picture> takes) {
        List<String> outliers = new ArrayList<>();
        if (takes.size() >= Thresholds.BASELINE_MIN_CLIPS) {
            SetupBaseline norm = medianNorm(setup, takes);
            takes.forEach((clip, p) -> {
                if (outside(p, norm)) {
                    outliers.add(clip);
                }
            });
        }
        Running sharpness = new Running(), exposure = new Running(), noise = new Running();
        takes.forEach((clip, p) -> {
            if (!outliers.contains(clip)) {
                sharpness.add(p.sharpness());
                exposure.add(p.exposure());
                noise.add(p.noise());
            }
        });
        return new Baseline(setup, exposure.n(), sharpness.mean(), sharpness.sd(), exposure.mean(), exposure.sd(),
                noise.mean(), noise.sd(), outliers);
    }

    static boolean outside(ClipFeatures.Picture p, SetupBaseline norm) {
        boolean tooSharp = norm.sharpnessMean() >= Thresholds.SOFT_MIN_BASELINE
                && p.sharpness() > norm.sharpnessMean() / Thresholds.SOFT_RATIO;
        return tooSharp || BaselineJudge.outOfNorm(p.sharpness(), p.exposure(), norm);
    }

    /** Median and scaled median absolute deviation of the takes' sharpness and exposure, as a baseline. */
    static SetupBaseline medianNorm(String setup, Map<String, ClipFeatures.Picture> takes) {
        double[] s = takes.values().stream().mapToDouble(ClipFeatures.Picture::sharpness).toArray();
        double[] e = takes.values().stream().mapToDouble(ClipFeatures.Picture::exposure).toArray();
        double ms = median(s), me = median(e);
        return new SetupBaseline(setup, takes.size(), ms, MAD_TO_SD * mad(s, ms), me, MAD_TO_SD * mad(e, me));
    }

    static double median(double[] v) {
        double[] x = v.clone();
        Arrays.sort(x);
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }

    private static double mad(double[] v, double median) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = Math.abs(v[i] - median);
        }
        return median(d);
    }
}
