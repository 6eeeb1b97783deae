package io.setkeeper.appliance.coverage;

import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.ShotSize;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The coverage of one scene: each planned setup with its takes, each character with the sizes seen, and the flags.
 *
 * @param scene      the scene id
 * @param setups     the planned setups in shot-list order
 * @param characters the scene's characters (speakers and those appearing), then anyone else seen
 * @param unplanned  setup ids shot in this scene but not planned, in order of first take
 * @param flags      the flags, in the order: nothing shot, setups, QC-only setups, singles, unplanned
 */
public record SceneCoverage(String scene, List<SetupCoverage> setups, List<CharacterCoverage> characters,
                            List<String> unplanned, List<CoverageFlag> flags) {
    public SceneCoverage {
        Objects.requireNonNull(scene);
        setups = List.copyOf(setups);
        characters = List.copyOf(characters);
        unplanned = List.copyOf(unplanned);
        flags = List.copyOf(flags);
    }

    /** Planned setups with at least one usable take. */
    public List<PlannedSetup> covered() {
        return setups.stream().filter(s -> !s.usableTakes().isEmpty()).map(SetupCoverage::planned).toList();
    }

    /** Planned setups without a usable take. */
    public List<PlannedSetup> missing() {
        return setups.stream().filter(s -> s.usableTakes().isEmpty()).map(SetupCoverage::planned).toList();
    }

    /** COVERED (a usable take, nothing flagged), FLAGGED (usable only with a QC problem) or MISSING. */
    public String setupStatus(String setup) {
        for (CoverageFlag f : flags) {
            if (f instanceof CoverageFlag.NoUsableTake n && n.setup().equals(setup)) {
                return "MISSING";
            }
            if (f instanceof CoverageFlag.UsableOnlyWithQcProblem u && u.setup().equals(setup)) {
                return "FLAGGED";
            }
        }
        return "COVERED";
    }

    /** NOTHING_SHOT, MISSING (a planned setup without a usable take), FLAGGED (any other flag) or COVERED. */
    public String status() {
        if (flags.stream().anyMatch(CoverageFlag.NothingShot.class::isInstance)) {
            return "NOTHING_SHOT";
        }
        if (!missing().isEmpty()) {
            return "MISSING";
        }
        return flags.isEmpty() ? "COVERED" : "FLAGGED";
    }

    /** On-screen speakers without a single. */
    public List<String> speakersWithoutSingle() {
        return flags.stream().filter(CoverageFlag.SpeakerWithoutSingle.class::isInstance)
                .map(f -> ((CoverageFlag.SpeakerWithoutSingle) f).character()).toList();
    }

    /**
     * One planned setup against its takes.
     *
     * @param takes       every take shot of the setup, in take order
     * @param usableTakes the usable ones
     */
    public record SetupCoverage(PlannedSetup planned, List<Integer> takes, List<Integer> usableTakes) {
        public SetupCoverage {
            Objects.requireNonNull(planned);
            takes = List.copyOf(takes);
            usableTakes = List.copyOf(usableTakes);
        }
    }

    /**
     * One character in the scene.
     *
     * @param speaks    has on-screen dialogue in the scene
     * @param sizesSeen the shot sizes the character was seen at in usable takes
     * @param hasSingle seen alone at a single's size in a usable take
     */
    public record CharacterCoverage(String character, boolean speaks, Set<ShotSize> sizesSeen, boolean hasSingle) {
        public CharacterCoverage {
            Objects.requireNonNull(character);
            sizesSeen = sizesSeen.isEmpty() ? Set.of()
                    : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(sizesSeen));
        }
    }
}
