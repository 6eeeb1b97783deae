package io.setkeeper.appliance.analysis.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a clip's focus and exposure against its setup's learned baseline, pure. Without a baseline (or one
 * learned from fewer than {@link Thresholds#BASELINE_MIN_CLIPS} clips) the absolute findings stand unchanged.
 * With one:
 * <ul>
 *   <li>a clip whose median sharpness is under {@link Thresholds#SOFT_RATIO} of the setup's mean sharpness is soft
 *       as a whole (SOFT_FOCUS over the clip; the per-clip detector only sees softness relative to the clip itself);
 *       for a clip darker than its setup the setup's sharpness is first scaled to the clip's exposure
 *       ({@link #exposureScale}), so an underexposed take is not also called soft;
 *   <li>exposure is judged against the setup: UNDEREXPOSED is kept only when the clip is also darker than the
 *       setup's normal by more than {@link Thresholds#BASELINE_SD_K} spreads (a night scene lit dark on purpose is
 *       not flagged), and a clip that much darker or brighter than its setup is flagged UNDEREXPOSED or
 *       OVEREXPOSED even when the absolute thresholds pass. The spread is at least
 *       {@link Thresholds#BASELINE_EXPOSURE_FLOOR} levels.
 * </ul>
 */
public final class BaselineJudge {
    private BaselineJudge() {
    }

    public static ClipQc judge(ClipQc qc, Optional<SetupBaseline> baseline) {
        if (baseline.isEmpty() || baseline.get().clips() < Thresholds.BASELINE_MIN_CLIPS || qc.frames() == 0) {
            return qc;
        }
        SetupBaseline b = baseline.get();
        List<Finding> out = new ArrayList<>();
        boolean darkForSetup = darkFor(qc.meanLuma(), b);
        for (Finding f : qc.findings()) {
            if (f.type() == Finding.Type.UNDEREXPOSED && !darkForSetup) {
                continue;
            }
            out.add(f);
        }
        Map<String, Double> numbers = Map.of("clipMeanLuma", qc.meanLuma(), "setupExposureMean", b.exposureMean(),
                "setupExposureSd", b.exposureSd(), "setupClips", (double) b.clips());
        if (darkForSetup && !qc.has(Finding.Type.UNDEREXPOSED)) {
            out.add(whole(qc, Finding.Type.UNDEREXPOSED, numbers, String.format(
                    "darker than setup %s normally is: mean level %.1f, the setup's %.1f +- %.1f", b.setup(),
                    qc.meanLuma(), b.exposureMean(), b.exposureSd())));
        }
        if (brightFor(qc.meanLuma(), b)) {
            out.add(whole(qc, Finding.Type.OVEREXPOSED, numbers, String.format(
                    "brighter than setup %s normally is: mean level %.1f, the setup's %.1f +- %.1f", b.setup(),
                    qc.meanLuma(), b.exposureMean(), b.exposureSd())));
        }
        double limit = softLimit(qc.meanLuma(), b);
        if (softFor(qc.sharpnessMedian(), qc.meanLuma(), b) && !qc.has(Finding.Type.SOFT_FOCUS)) {
            out.add(whole(qc, Finding.Type.SOFT_FOCUS, Map.of("clipSharpnessMedian", qc.sharpnessMedian(),
                    "setupSharpnessMean", b.sharpnessMean(), "setupSharpnessSd", b.sharpnessSd(),
                    "limit", limit, "setupClips", (double) b.clips()),
                    String.format("softer than setup %s normally is: median sharpness %.1f, the setup's %.1f (limit %.1f)",
                            b.setup(), qc.sharpnessMedian(), b.sharpnessMean(), limit)));
        }
        return qc.withFindings(out);
    }

    /**
     * Whether a clip's numbers are outside its setup's norm by the rules above (darker, brighter or softer): what the
     * judge flags, and what the production model keeps out of the setup's baseline, so a flagged take does not teach
     * the norm. Pure; ignores {@link Thresholds#BASELINE_MIN_CLIPS}.
     */
    public static boolean outOfNorm(double sharpnessMedian, double meanLuma, SetupBaseline b) {
        return darkFor(meanLuma, b) || brightFor(meanLuma, b) || softFor(sharpnessMedian, meanLuma, b);
    }

    /** The exposure spread the limits use: the setup's, at least {@link Thresholds#BASELINE_EXPOSURE_FLOOR}. */
    static double exposureSpread(SetupBaseline b) {
        return Math.max(b.exposureSd(), Thresholds.BASELINE_EXPOSURE_FLOOR);
    }

    static boolean darkFor(double meanLuma, SetupBaseline b) {
        return meanLuma < b.exposureMean() - Thresholds.BASELINE_SD_K * exposureSpread(b);
    }

    static boolean brightFor(double meanLuma, SetupBaseline b) {
        return meanLuma > b.exposureMean() + Thresholds.BASELINE_SD_K * exposureSpread(b);
    }

    static boolean softFor(double sharpnessMedian, double meanLuma, SetupBaseline b) {
        return b.sharpnessMean() >= Thresholds.SOFT_MIN_BASELINE && sharpnessMedian < softLimit(meanLuma, b);
    }

    static double softLimit(double meanLuma, SetupBaseline b) {
        return Thresholds.SOFT_RATIO * b.sharpnessMean() * exposureScale(meanLuma, b);
    }

    /**
     * What the setup's sharpness becomes at this clip's exposure: the Laplacian variance grows with the square of the
     * picture's gain, so a take a stop under (levels x 0.73) measures about half as sharp with its focus unchanged
     * (measured on real takes, docs/analysis.md). Only a darker clip lowers the limit; a brighter one keeps it, since
     * clipping takes detail away (so this can withdraw a soft verdict from a dark take, never add one).
     */
    static double exposureScale(double meanLuma, SetupBaseline b) {
        if (b.exposureMean() <= 0 || meanLuma >= b.exposureMean()) {
            return 1;
        }
        double gain = meanLuma / b.exposureMean();
        return gain * gain;
    }

    private static Finding whole(ClipQc qc, Finding.Type type, Map<String, Double> numbers, String message) {
        long last = qc.frames() - 1;
        long lastPts = Math.round(last * 1e6 / qc.fps());
        return new Finding(type, Finding.Severity.WARNING, 0, last, 0, lastPts, List.of(last / 2), numbers, message);
    }
}
