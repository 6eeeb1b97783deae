package io.setkeeper.appliance.model;

import java.util.List;

/**
 * A setup's normal picture: mean and standard deviation of sharpness, exposure and noise over the {@code clips} takes
 * that teach it; {@code outliers} are the setup's learned takes left out of it, outside the norm of the others
 * ({@link RobustBaseline}).
 */
public record Baseline(String setup, long clips, double sharpnessMean, double sharpnessSd, double exposureMean,
                       double exposureSd, double noiseMean, double noiseSd, List<String> outliers) {
    public Baseline {
        outliers = List.copyOf(outliers);
    }

    /** As QC judges a clip by it. */
    public io.setkeeper.appliance.analysis.qc.SetupBaseline forQc() {
        return new io.setkeeper.appliance.analysis.qc.SetupBaseline(setup, clips, sharpnessMean, sharpnessSd,
                exposureMean, exposureSd);
    }
}
