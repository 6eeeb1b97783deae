package io.setkeeper.appliance.slate;

import java.time.Duration;
import java.util.List;

/**
 * What {@link SoundMatcher} decided: which sound goes with which picture, and where timecode and slate disagree.
 *
 * @param matches       picture/sound pairs whose timecode spans overlap, in picture order then sound order
 * @param disagreements evidence for the DIT: overlapping pairs slated differently, equally slated pairs apart in time
 */
public record SoundMatches(List<Match> matches, List<Disagreement> disagreements) {

    public SoundMatches {
        matches = List.copyOf(matches);
        disagreements = List.copyOf(disagreements);
    }

    /** How a matched pair's slates compare. */
    public enum Slate {
        /** scene and take both given on both sides, and equal */
        AGREES,
        /** a scene or take given on both sides differs */
        DIFFERS,
        /** not enough slate information to tell */
        UNKNOWN
    }

    /**
     * A sound file that runs during a picture clip.
     *
     * @param overlap how long they run together, in timecode time (label seconds)
     */
    public record Match(String pictureId, String soundId, Duration overlap, Slate slate) {
    }

    /** A reason to look at a pair again. */
    public sealed interface Disagreement permits SlateDiffers, TimecodeApart {
        String pictureId();

        String soundId();
    }

    /** Timecode says they belong together, the slates say otherwise (scene/take as written on each side). */
    public record SlateDiffers(String pictureId, String soundId, String pictureSlate, String soundSlate,
                               Duration overlap) implements Disagreement {
    }

    /**
     * Slated as the same scene and take, but their timecode spans do not meet.
     *
     * @param gap timecode time between the end of one and the start of the other
     */
    public record TimecodeApart(String pictureId, String soundId, String slate, Duration gap) implements Disagreement {
    }
}
