package io.setkeeper.appliance.analysis.qc;

/**
 * A setup's normal picture as the production model learned it from earlier clips: mean and standard deviation of
 * sharpness (variance of the 4-neighbour Laplacian of Rec. 601 luma at analysis resolution, the same measure as
 * {@link Luma#laplacianVariance}) and exposure (mean luma 0..255) over {@code clips}.
 */
public record SetupBaseline(String setup, long clips, double sharpnessMean, double sharpnessSd, double exposureMean,
                            double exposureSd) {
}
