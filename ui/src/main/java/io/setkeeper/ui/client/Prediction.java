package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/**
 * The production model's reading of one clip ({@code GET /api/model/predictions/{clip}}): each person found with
 * the character (or unknown) and confidence; the setup it looks like against the slate's, and any disagreement.
 */
public record Prediction(String clip, List<Person> people, Optional<String> predictedSetup,
                         Optional<String> slateSetup, double setupConfidence, Optional<String> disagreement) {
    /** One person in the clip. */
    public record Person(Optional<String> character, double confidence, String source) {
    }
}
