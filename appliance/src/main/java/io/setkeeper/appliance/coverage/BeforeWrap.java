package io.setkeeper.appliance.coverage;

import io.setkeeper.appliance.coverage.CoverageFlag.NoUsableTake;
import io.setkeeper.appliance.coverage.CoverageFlag.NothingShot;
import io.setkeeper.appliance.coverage.CoverageFlag.SpeakerWithoutSingle;
import io.setkeeper.appliance.coverage.CoverageFlag.UnplannedSetup;
import io.setkeeper.appliance.coverage.CoverageFlag.UsableOnlyWithQcProblem;
import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.ShotSize;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What to tell the director before wrapping a scene, in words, one line per flag. Pure. */
public final class BeforeWrap {
    private BeforeWrap() {
    }

    /** The scene's flags as sentences, in the flags' order. */
    public static List<String> lines(SceneCoverage scene, Set<ShotSize> singleSizes) {
        return scene.flags().stream().map(f -> describe(f, scene, singleSizes)).toList();
    }

    public static String describe(CoverageFlag flag, SceneCoverage scene, Set<ShotSize> singleSizes) {
        return switch (flag) {
            case NothingShot n -> "Nothing shot of scene " + n.scene() + " yet (" + scene.setups().size()
                    + " setups planned)";
            case NoUsableTake n -> n.setup() + planned(scene, n.setup()) + (n.takesShot().isEmpty() ? ": not shot"
                    : ": no usable take (" + takes(n.takesShot()) + " shot, none circled or QC-clean with a slate"
                    + " the picture agrees with)");
            case UsableOnlyWithQcProblem u -> u.setup() + planned(scene, u.setup()) + ": only usable "
                    + takes(u.takes()) + " circled, with a QC problem";
            case SpeakerWithoutSingle s -> "No single of " + s.character() + " ("
                    + singleSizes.stream().sorted().map(ShotSize::label).collect(Collectors.joining("/"))
                    + ", alone in frame, usable take)";
            case UnplannedSetup u -> u.setup() + ": shot (" + takes(u.takes()) + ") but not in the shot list";
        };
    }

    private static String planned(SceneCoverage scene, String setup) {
        Optional<PlannedSetup> p = scene.setups().stream().map(SceneCoverage.SetupCoverage::planned)
                .filter(s -> s.setup().equalsIgnoreCase(setup)).findFirst();
        return p.map(s -> " (" + s.shotSize().label() + (s.description().isBlank() ? "" : ", " + s.description())
                + ")").orElse("");
    }

    private static String takes(List<Integer> takes) {
        return (takes.size() == 1 ? "take " : "takes ") + takes.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}
