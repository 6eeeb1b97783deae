package io.setkeeper.appliance.analysis.perception.slate;

import java.util.Optional;

/**
 * What a slate said, parsed from the recognised lines of one frame: scene (e.g. {@code 5C}), take ({@code 3}) and
 * camera roll ({@code A001}) when present, the lines that were read, and the mean recognition confidence of the
 * lines the values came from.
 */
public record SlateText(Optional<String> scene, Optional<String> take, Optional<String> roll, String text,
                        double confidence) {
    public static final SlateText NONE = new SlateText(Optional.empty(), Optional.empty(), Optional.empty(), "", 0);

    /** How many of scene, take and roll were read. */
    public int fields() {
        return (scene.isPresent() ? 1 : 0) + (take.isPresent() ? 1 : 0) + (roll.isPresent() ? 1 : 0);
    }

    /** Ranks reads of several frames: more fields first, then confidence. */
    public double rank() {
        return fields() + Math.min(0.999, confidence);
    }
}
