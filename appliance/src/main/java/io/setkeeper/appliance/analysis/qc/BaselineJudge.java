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
        double spread = Math.max(b.exposureSd(), Thresholds.BASELINE_EXPOSURE_FLOOR);
        double low = b.exposureMean() - Thresholds.BASELINE_SD_K * spread;
        double high = b.exposureMean() + Thresholds.BASELINE_SD_K * spread;
        boolean darkForSetup = qc.meanLuma() < low;
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
        if (qc.meanLuma() > high) {
            out.add(whole(qc, Finding.Type.OVEREXPOSED, numbers, String.format(
                    "brighter than setup %s normally is: mean level %.1f, the setup's %.1f +- %.1f", b.setup(),
                    qc.meanLuma(), b.exposureMean(), b.exposureSd())));
        }
        double limit = Thresholds.SOFT_RATIO * b.sharpnessMean() * exposureScale(qc, b);
        if (b.sharpnessMean() >= Thresholds.SOFT_MIN_BASELINE
                && qc.sharpnessMedian() < limit && !qc.has(Finding.Type.SOFT_FOCUS)) {
            out.add(whole(qc, Finding.Type.SOFT_FOCUS, Map.of("clipSharpnessMedian", qc.sharpnessMedian(),
                    "setupSharpnessMean", b.sharpnessMean(), "setupSharpnessSd", b.sharpnessSd(),
                    "limit", limit, "setupClips", (double) b.clips()),
                    String.format("softer than setup %s normally is: median sharpness %.1f, the setup's %.1f (limit %.1f)",
                            b.setup(), qc.sharpnessMedian(), b.sharpnessMean(), limit)));
        }
        return qc.withFindings(out);
    }

    /**
     * What the setup's sharpness becomes at this clip's exposure: the Laplacian variance grows with the square of the
     * picture's gain, so a take a stop under (levels x 0.73) measures about half as sharp with its focus unchanged
     * (measured on real takes, docs/analysis.md). Only a darker clip lowers the limit; a brighter one keeps it, since
     * clipping takes detail away (so this can withdraw a soft verdict from a dark take, never add one).
     */
    static double exposureScale(ClipQc qc, SetupBaseline b) {
        if (b.exposureMean() <= 0 || qc.meanLuma() >= b.exposureMean()) {
            return 1;
        }
        double gain = qc.meanLuma() / b.exposureMean();
        return gain * gain;
    }

    private static Finding whole(ClipQc qc, Finding.Type type, Map<String, Double> numbers, String message) {
        long last = qc.frames() - 1;
        long lastPts = Math.round(last * 1e6 / qc.fps());
        return new Finding(type, Finding.Severity.WARNING, 0, last, 0, lastPts, List.of(last / 2), numbers, message);
    }
}
