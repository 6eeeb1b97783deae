package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.coverage.CoverageBoard;
import io.setkeeper.appliance.coverage.CoverageFlag;
import io.setkeeper.appliance.coverage.SceneCoverage;
import io.setkeeper.appliance.coverage.TakeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Coverage flags as inbox flags, decided from a {@link CoverageBoard} (pure). The id hashes kind, scene and subject
 * (the setup or the character), never the takes, so a flag stays the same flag (and stays decided) as takes arrive;
 * a flag of the last board that the new board no longer raises is resolved with {@link #resolution}.
 */
public final class CoverageFlagging {
    /** The kinds, as stored and sent in FlagRaised (lower case there). */
    public static final Set<String> KINDS = Set.of("NO_USABLE_TAKE", "USABLE_ONLY_WITH_QC_PROBLEM",
            "SPEAKER_WITHOUT_SINGLE", "UNPLANNED_SETUP", "NOTHING_SHOT");
    /** Takes named on one flag, at most (the first ones in take order). */
    static final int MAX_TAKES = 24;

    private CoverageFlagging() {
    }

    /**
     * One coverage flag to raise: its kind, scene, setup (null for a character or a whole scene), subject, the
     * sentence, the numbers and the takes it is about (may be empty: nothing shot).
     */
    public record Raise(String kind, String scene, String setup, String subject, String summary,
                        Map<String, Double> numbers, List<TakeRecord> takes) {
        public Raise {
            numbers = Map.copyOf(numbers);
            takes = List.copyOf(takes);
        }

        public String id() {
            return Flag.idOf(kind, scene, List.of(), subject);
        }

        public List<Long> clipIds() {
            return takes.stream().map(TakeRecord::clipId).toList();
        }

        public List<String> clips() {
            return takes.stream().map(TakeRecord::clip).toList();
        }
    }

    /** The flags the board raises, scene by scene in the board's order. */
    public static List<Raise> of(CoverageBoard board) {
        List<Raise> out = new ArrayList<>();
        for (SceneCoverage sc : board.scenes()) {
            List<TakeRecord> takes = board.takesOf(sc.scene());
            for (CoverageFlag f : sc.flags()) {
                out.add(raise(f, takes));
            }
        }
        return out;
    }

    static Raise raise(CoverageFlag flag, List<TakeRecord> sceneTakes) {
        return switch (flag) {
            case CoverageFlag.NoUsableTake n -> new Raise("NO_USABLE_TAKE", n.scene(), n.setup(), "setup " + n.setup(),
                    n.takesShot().isEmpty() ? "setup " + n.setup() + " of scene " + n.scene() + " is planned and not shot"
                            : "setup " + n.setup() + " of scene " + n.scene() + " has no usable take ("
                            + n.takesShot().size() + " shot, none circled or QC-clean with a matching slate)",
                    Map.of("takesShot", (double) n.takesShot().size()), of(sceneTakes, n.setup(), n.takesShot()));
            case CoverageFlag.UsableOnlyWithQcProblem u -> new Raise("USABLE_ONLY_WITH_QC_PROBLEM", u.scene(),
                    u.setup(), "setup " + u.setup(), "every usable take of setup " + u.setup() + " (scene " + u.scene()
                    + ") has a QC problem: take(s) " + joined(u.takes()), Map.of("usableTakes",
                    (double) u.takes().size()), of(sceneTakes, u.setup(), u.takes()));
            case CoverageFlag.SpeakerWithoutSingle s -> new Raise("SPEAKER_WITHOUT_SINGLE", s.scene(), null,
                    s.character(), s.character() + " speaks in scene " + s.scene()
                    + " and has no single (MCU or CU alone) in a usable take", Map.of("usableTakes",
                    (double) sceneTakes.stream().filter(t -> t.take().usable()).count()),
                    sceneTakes.stream().filter(t -> t.take().usable()).toList());
            case CoverageFlag.UnplannedSetup u -> new Raise("UNPLANNED_SETUP", u.scene(), u.setup(),
                    "setup " + u.setup(), "setup " + u.setup() + " was shot in scene " + u.scene()
                    + " (take(s) " + joined(u.takes()) + ") and is not in the shot list",
                    Map.of("takes", (double) u.takes().size()), of(sceneTakes, u.setup(), u.takes()));
            case CoverageFlag.NothingShot n -> new Raise("NOTHING_SHOT", n.scene(), null, "scene " + n.scene(),
                    "scene " + n.scene() + " is planned for the day and nothing of it is shot", Map.of(), List.of());
        };
    }

    /**
     * Why a stored coverage flag the board no longer raises stopped holding, in words: the usable takes that
     * arrived, the single that was found, the scene's takes, or that the plan changed.
     */
    public static String resolution(Flag flag, CoverageBoard board) {
        SceneCoverage sc = board.scene(flag.scene()).orElse(null);
        if (sc == null) {
            return "scene " + flag.scene() + " is no longer in the plan";
        }
        List<TakeRecord> takes = board.takesOf(flag.scene());
        return switch (flag.kind()) {
            case "NO_USABLE_TAKE", "USABLE_ONLY_WITH_QC_PROBLEM" -> {
                List<Integer> usable = sc.setups().stream().filter(s -> s.planned().setup().equals(flag.setup()))
                        .findFirst().map(SceneCoverage.SetupCoverage::usableTakes).orElse(null);
                if (usable == null) {
                    yield "setup " + flag.setup() + " is no longer in the shot list";
                }
                List<Integer> clean = takes.stream().filter(t -> t.take().setup().equals(flag.setup())
                        && t.take().usable() && !t.take().qcProblem()).map(t -> t.take().take()).toList();
                yield flag.kind().equals("NO_USABLE_TAKE") ? "setup " + flag.setup() + " has usable take(s) "
                        + joined(usable) : "setup " + flag.setup() + " has usable take(s) without a QC problem: "
                        + joined(clean);
            }
            case "SPEAKER_WITHOUT_SINGLE" -> sc.characters().stream().filter(c -> c.character().equals(flag.subject())
                            && c.hasSingle()).findFirst().map(c -> flag.subject() + " is now seen in a single ("
                            + c.sizesSeen().stream().map(Enum::name).toList() + ")")
                    .orElse(flag.subject() + " no longer speaks on screen in scene " + flag.scene());
            case "UNPLANNED_SETUP" -> "setup " + flag.setup() + " is now in the shot list (or no take of it is left)";
            case "NOTHING_SHOT" -> takes.isEmpty() ? "scene " + flag.scene() + " is no longer planned for the day"
                    : String.format(Locale.ROOT, "scene %s has %d take(s) now", flag.scene(), takes.size());
            default -> "no longer found by the coverage check";
        };
    }

    private static List<TakeRecord> of(List<TakeRecord> sceneTakes, String setup, List<Integer> numbers) {
        return sceneTakes.stream().filter(t -> t.take().setup().equals(setup) && numbers.contains(t.take().take()))
                .limit(MAX_TAKES).toList();
    }

    private static String joined(List<Integer> takes) {
        return String.join(", ", takes.stream().map(String::valueOf).toList());
    }
}
