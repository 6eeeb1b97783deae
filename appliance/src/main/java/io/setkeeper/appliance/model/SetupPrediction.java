package io.setkeeper.appliance.model;

import java.util.List;

/**
 * Which setup a clip looks like, against the setup its slate names. {@code predicted} is null when nothing is
 * learned yet. {@code disagreement} is null when the picture agrees with the slate; otherwise it says how, with
 * {@code margin}: for WRONG_SLATE the slate setup's distance over the predicted one's (&gt; 1), for LOOKS_LIKE the
 * distance to the look-alike over the normal within-setup distance (&lt; 1 when close), for CHANGED the squared
 * distance to the slate's setup over the one a new take is expected to have (&gt; {@code SetupCheck.CHANGED_FACTOR}).
 */
public record SetupPrediction(String predicted, double confidence, String slate, Disagreement disagreement,
                              double margin, List<Candidate> ranking, boolean corrected) {
    public SetupPrediction {
        ranking = List.copyOf(ranking);
    }

    /** A setup and the clip's standardised distance to its prototype. */
    public record Candidate(String setup, double distance) {
    }

    /** How the picture disagrees with the slate. */
    public enum Disagreement {
        /** another learned setup is nearer than the one the slate names */
        WRONG_SLATE,
        /** the slate names a setup with no other takes, but the picture is as close to a known setup as its own takes are */
        LOOKS_LIKE,
        /** nearest to the slate's setup but far outside its normal spread: camera moved or background changed */
        CHANGED
    }

    public boolean flagged() {
        return disagreement != null;
    }
}
