package io.setkeeper.appliance.model;

/** A colour reference: CIELAB mean (L, a, b) and 3x3 covariance (row-major) over {@code clips} clips. */
public record Look(double[] mean, double[] covariance, long clips) {
}
