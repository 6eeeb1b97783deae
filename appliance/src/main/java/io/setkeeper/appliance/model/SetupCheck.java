package io.setkeeper.appliance.model;

import java.util.List;

/** The decision whether a clip's picture agrees with its slate. A pure function. */
final class SetupCheck {
    /** Within-setup distance samples needed before LOOKS_LIKE and CHANGED can be decided. */
    static final int MIN_WITHIN = 3;

    private SetupCheck() {
    }

    static SetupPrediction decide(List<SetupPrediction.Candidate> ranking, String slate, long withinN,
                                  double withinMean, double withinSd) {
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
        boolean calibrated = withinN >= MIN_WITHIN;
        double normal = withinMean + 2 * withinSd;
        // a wrong slate needs evidence against it: another setup nearer AND the slate's setup outside its normal spread
        if (named != null && !best.setup().equals(slate) && (!calibrated || named.distance() > normal)) {
            return new SetupPrediction(best.setup(), confidence, slate, SetupPrediction.Disagreement.WRONG_SLATE,
                    named.distance() / Math.max(1e-9, best.distance()), ranking, false);
        }
        // a new setup that is closer to a known one than that setup's typical take is to its own prototype
        if (named == null && calibrated && best.distance() <= withinMean) {
            return new SetupPrediction(best.setup(), confidence, slate, SetupPrediction.Disagreement.LOOKS_LIKE,
                    best.distance() / Math.max(1e-9, withinMean), ranking, false);
        }
        if (named != null && calibrated && best.distance() > withinMean + 3 * withinSd) {
            return new SetupPrediction(best.setup(), confidence, slate, SetupPrediction.Disagreement.CHANGED,
                    (best.distance() - withinMean) / Math.max(1e-9, withinSd), ranking, false);
        }
        return new SetupPrediction(best.setup(), confidence, slate, null, Double.NaN, ranking, false);
    }
}
