package io.setkeeper.appliance.analysis.qc;

/**
 * A setup's normal picture as the production model learned it from earlier clips: mean and standard deviation over
 * {@code clips} of each clip's own {@link ClipQc#sharpnessMedian()} and {@link ClipQc#meanLuma()}, so a clip is judged
 * against exactly the numbers its own QC reports. {@code clips} counts only the takes that teach the norm: takes
 * outside it ({@link BaselineJudge#outOfNorm}) are left out by the model (docs/analysis.md, "Relative to the setup's
 * baseline").
 */
public record SetupBaseline(String setup, long clips, double sharpnessMean, double sharpnessSd, double exposureMean,
                            double exposureSd) {
}
