package io.setkeeper.appliance.review;

import java.util.Objects;

/**
 * The clip a fix applies to, with what the interchange formats need: reel, slate (scene, take, circled) and the
 * source range in frames.
 */
public record ClipRef(String clip, String reel, String scene, String take, boolean circled, long sourceIn,
                      long sourceOut) {
    public ClipRef {
        Objects.requireNonNull(clip, "clip");
        if (clip.isBlank()) {
            throw ReviewException.invalid("a fix needs a target clip name");
        }
        reel = reel == null || reel.isBlank() ? clip.replaceAll("[^A-Za-z0-9_]", "_") : reel;
        scene = scene == null ? "" : scene;
        take = take == null ? "" : take;
        if (sourceIn < 0 || sourceOut <= sourceIn) {
            throw ReviewException.invalid("clip '" + clip + "': source range " + sourceIn + ".." + sourceOut
                    + " is empty or negative");
        }
    }
}
