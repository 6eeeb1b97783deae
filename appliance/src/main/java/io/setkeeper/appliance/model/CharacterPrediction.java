package io.setkeeper.appliance.model;

/**
 * Who a face track is: a character name or unknown (null), with a confidence 0..1 from the similarity to the
 * nearest named prototype relative to the calibrated threshold, and the wardrobe colour distance (CIELAB delta E)
 * to that character's learned wardrobe (NaN when not measured).
 */
public record CharacterPrediction(String character, double confidence, double similarity, double threshold,
                                  double wardrobeDeltaE, Source source) {
    /** Whether the label came from the model or from a person's correction. */
    public enum Source { MODEL, PERSON }

    public boolean known() {
        return character != null;
    }
}
