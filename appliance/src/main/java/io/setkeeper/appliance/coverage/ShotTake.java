package io.setkeeper.appliance.coverage;

import io.setkeeper.appliance.plan.ShotSize;
import java.util.List;
import java.util.Objects;

/**
 * One take as shot, the way coverage needs it: where the slate puts it, whether it is usable, and who was seen.
 *
 * @param scene       the scene id from the slate or the production model ("5")
 * @param setup       the setup id ("5C")
 * @param take        the take number
 * @param circled     circled by the script supervisor or the camera report
 * @param qcClean     no QC finding on the take
 * @param slateAgrees the slate agrees with the footage (the production model placed the clip in the same setup)
 * @param seen        the characters seen in the take, each with the shot size measured from face or body
 */
public record ShotTake(String scene, String setup, int take, boolean circled, boolean qcClean, boolean slateAgrees,
                       List<Sighting> seen) {
    public ShotTake {
        Objects.requireNonNull(scene);
        Objects.requireNonNull(setup);
        seen = List.copyOf(seen);
    }

    /** A take whose slate agrees with the footage. */
    public ShotTake(String scene, String setup, int take, boolean circled, boolean qcClean, List<Sighting> seen) {
        this(scene, setup, take, circled, qcClean, true, seen);
    }

    /** Usable: circled or QC-clean, and the slate agrees with the footage. */
    public boolean usable() {
        return (circled || qcClean) && slateAgrees;
    }

    /** True when exactly one character is seen and it is this one at one of the given sizes. */
    public boolean isSingleOf(String character, java.util.Set<ShotSize> sizes) {
        return seen.stream().map(Sighting::character).distinct().count() == 1
                && seen.stream().anyMatch(s -> s.character().equals(character) && sizes.contains(s.size()));
    }

    /** A character seen in a take at a shot size. */
    public record Sighting(String character, ShotSize size) {
        public Sighting {
            Objects.requireNonNull(character);
            Objects.requireNonNull(size);
        }
    }
}
