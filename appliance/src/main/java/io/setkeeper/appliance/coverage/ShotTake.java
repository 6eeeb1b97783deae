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
 * @param unknown     people seen in the take who are not a known character (an unnamed face, a body without a face)
 * @param qcPending   QC has not run on the take yet: it is neither clean nor known to have a problem
 */
public record ShotTake(String scene, String setup, int take, boolean circled, boolean qcClean, boolean slateAgrees,
                       List<Sighting> seen, int unknown, boolean qcPending) {
    public ShotTake {
        Objects.requireNonNull(scene);
        Objects.requireNonNull(setup);
        seen = List.copyOf(seen);
        if (qcClean && qcPending) {
            throw new IllegalArgumentException("a take cannot be QC-clean while its QC is pending");
        }
        if (unknown < 0) {
            throw new IllegalArgumentException("unknown people cannot be negative: " + unknown);
        }
    }

    /** A take with nobody unknown in frame. */
    public ShotTake(String scene, String setup, int take, boolean circled, boolean qcClean, boolean slateAgrees,
                    List<Sighting> seen) {
        this(scene, setup, take, circled, qcClean, slateAgrees, seen, 0, false);
    }

    /** True when QC ran on the take and found a problem. */
    public boolean qcProblem() {
        return !qcClean && !qcPending;
    }

    /** A take whose slate agrees with the footage. */
    public ShotTake(String scene, String setup, int take, boolean circled, boolean qcClean, List<Sighting> seen) {
        this(scene, setup, take, circled, qcClean, true, seen);
    }

    /** Usable: circled or QC-clean, and the slate agrees with the footage. */
    public boolean usable() {
        return (circled || qcClean) && slateAgrees;
    }

    /** True when exactly one person is seen, it is this character, at one of the given sizes. */
    public boolean isSingleOf(String character, java.util.Set<ShotSize> sizes) {
        return unknown == 0 && seen.stream().map(Sighting::character).distinct().count() == 1
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
