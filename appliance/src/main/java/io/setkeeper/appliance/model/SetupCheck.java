package io.setkeeper.appliance.model;

import java.util.List;

/**
 * The decision whether a clip's picture agrees with its slate. Distances are in pooled within-setup standard
 * deviations, so a take's squared distance to its own setup averages about the number of dimensions. A pure function.
 */
final class SetupCheck {
    /** Takes beyond one per setup needed before the within-setup scale counts as measured. */
    static final int MIN_WITHIN = 3;
    /** CHANGED when the squared distance to the slate's own setup exceeds this many times the expected one. */
    static final double CHANGED_FACTOR = 3;

    private SetupCheck() {
    }

    static SetupPrediction decide(List<SetupPrediction.Candidate> ranking, String slate, boolean calibrated, int dims) {
        return decide(ranking, slate, calibrated, dims, dims);
    }

    /**
     * {@code expected} is the squared distance a new take of the slate's setup is expected to have (see
     * {@link SetupModel#expectedDistance2}); CHANGED beyond {@link #CHANGED_FACTOR} times it.
     */
    static SetupPrediction decide(List<SetupPrediction.Candidate> ranking, String slate, boolean calibrated, int dims,
                                  double expected) {
        if (ranking.isEmpty()) {
            return new SetupPrediction(null, 0, slate, null, Double.NaN, ranking, false);
        }
        SetupPrediction.Candidate best = ranking.getFirst();
        double confidence = ranking.size() < 2 ? 0.5
                : 1 - best.distance() / Math.max(1e-9, ranking.get(1).distance());
        if (slate == null) {
            return new SetupPrediction(best.setup(), confidence, null, null, Double.NaN, ranking, false);
        }
        SetupPrediction.Candidate named = ranking.stream().filter(c -> c.setup().equals(slate)).findFirst().orElse(null);
        double best2 = best.distance() * best.distance();
        if (named != null && !best.setup().equals(slate)) {
            return new SetupPrediction(best.setup(), confidence, slate, SetupPrediction.Disagreement.WRONG_SLATE,
                    named.distance() / Math.max(1e-9, best.distance()), ranking, false);
        }
        if (named == null && calibrated && best2 <= dims) {
            return new SetupPrediction(best.setup(), confidence, slate, SetupPrediction.Disagreement.LOOKS_LIKE,
                    best2 / dims, ranking, false);
        }
        if (named != null && calibrated && best2 > CHANGED_FACTOR * expected) {
            return new SetupPrediction(best.setup(), confidence, slate, SetupPrediction.Disagreement.CHANGED,
                    best2 / expected, ranking, false);
        }
        return new SetupPrediction(best.setup(), confidence, slate, null, Double.NaN, ranking, false);
    }
}
