package io.setkeeper.appliance.model;

/** A setup's normal picture: mean and standard deviation of sharpness, exposure and noise over {@code clips}. */
public record Baseline(String setup, long clips, double sharpnessMean, double sharpnessSd, double exposureMean,
                       double exposureSd, double noiseMean, double noiseSd) {
}
