package io.setkeeper.appliance.model;

import java.util.List;

/**
 * What learning one clip did: whether it was used, why not, the prediction made before learning it (the honest
 * check of the slate against what was known), and the clusters its people went to (null = too short to learn).
 */
public record LearnResult(String clip, boolean learned, String reason, ClipPrediction before, List<Integer> clusters) {
    public LearnResult {
        clusters = clusters == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(clusters));
    }
}
