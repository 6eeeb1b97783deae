package io.setkeeper.appliance.analysis.qc;

import java.util.List;

/**
 * The QC result of one clip: summary numbers (the clip's normal sharpness and exposure, whether the camera was
 * locked off, the strongest periodic luminance component, colour) and the findings.
 */
public record ClipQc(long frames, double fps, int width, int height, double sharpnessMedian, double sharpnessP75,
                     double meanLuma, double clippedPercent, double crushedPercent, double lockedOffFraction,
                     boolean lockedOff, Flicker.Peak flicker, ColourStats.Summary colour, List<Finding> findings) {
    public ClipQc {
        findings = List.copyOf(findings);
    }

    /** The same result with other findings (e.g. after judging against the setup's baseline). */
    public ClipQc withFindings(List<Finding> other) {
        return new ClipQc(frames, fps, width, height, sharpnessMedian, sharpnessP75, meanLuma, clippedPercent,
                crushedPercent, lockedOffFraction, lockedOff, flicker, colour, other);
    }

    /** True when a finding of this type was raised. */
    public boolean has(Finding.Type type) {
        return findings.stream().anyMatch(f -> f.type() == type);
    }
}
