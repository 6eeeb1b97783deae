package io.setkeeper.appliance.model;

/**
 * Who a face track is: a character name or unknown (null), with a confidence 0..1 from the face and wardrobe
 * evidence ({@link WardrobeCue}), the cosine similarity to the nearest named prototype and the calibrated threshold,
 * the wardrobe colour distance (CIELAB delta E) to that character's learned wardrobe (NaN when not measured), and the
 * person's wardrobe (null when not measured).
 */
public record CharacterPrediction(String character, double confidence, double similarity, double threshold,
                                  double wardrobeDeltaE, Source source, Wardrobe wardrobe) {
    /** Whether the label came from the model or from a person's correction. */
    public enum Source { MODEL, PERSON }

    /**
     * The person's wardrobe in this clip.
     *
     * @param lab             mean CIELAB colour under the face (the torso, person pixels only)
     * @param characterDeltaE delta E to the character's wardrobe over all clips (NaN when unknown)
     * @param threshold       the production's wardrobe threshold (delta E)
     * @param decided         the wardrobe changed the decision the face alone would have made
     * @param scene           the clip's scene, when compared with the character's wardrobe in that scene
     * @param sceneDeltaE     delta E to the character's wardrobe in the other clips of the scene (NaN when none)
     * @param sceneClips      tracks of the character in the scene compared with
     * @param changed         the wardrobe differs from the rest of the scene by more than the change threshold
     *                        ({@link WardrobeCue#CHANGE_SDS} spreads of the same-character distances)
     */
    public record Wardrobe(float[] lab, double characterDeltaE, double threshold, boolean decided, String scene,
                           double sceneDeltaE, long sceneClips, boolean changed) {
    }

    public boolean known() {
        return character != null;
    }

    CharacterPrediction withWardrobe(Wardrobe w) {
        return new CharacterPrediction(character, confidence, similarity, threshold, wardrobeDeltaE, source, w);
    }
}
