package io.setkeeper.appliance.coverage;

import java.util.List;

/** Something the director should hear before wrapping a scene. Each flag names the scene it belongs to. */
public sealed interface CoverageFlag {
    String scene();

    /** A planned setup with no usable take (none shot, or none circled/QC-clean with a matching slate). */
    record NoUsableTake(String scene, String setup, List<Integer> takesShot) implements CoverageFlag {
        public NoUsableTake {
            takesShot = List.copyOf(takesShot);
        }
    }

    /** A setup whose usable takes are all circled but have a QC finding (QC not run yet is no finding). */
    record UsableOnlyWithQcProblem(String scene, String setup, List<Integer> takes) implements CoverageFlag {
        public UsableOnlyWithQcProblem {
            takes = List.copyOf(takes);
        }
    }

    /** An on-screen speaking character never seen alone at a single's size in a usable take. */
    record SpeakerWithoutSingle(String scene, String character) implements CoverageFlag {
    }

    /** A setup that was shot but is not in the shot list. */
    record UnplannedSetup(String scene, String setup, List<Integer> takes) implements CoverageFlag {
        public UnplannedSetup {
            takes = List.copyOf(takes);
        }
    }

    /** A scene with planned setups and no take at all. */
    record NothingShot(String scene) implements CoverageFlag {
    }
}
