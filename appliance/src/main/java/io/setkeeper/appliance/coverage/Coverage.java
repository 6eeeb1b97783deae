package io.setkeeper.appliance.coverage;

import io.setkeeper.appliance.coverage.CoverageFlag.NoUsableTake;
import io.setkeeper.appliance.coverage.CoverageFlag.NothingShot;
import io.setkeeper.appliance.coverage.CoverageFlag.SpeakerWithoutSingle;
import io.setkeeper.appliance.coverage.CoverageFlag.UnplannedSetup;
import io.setkeeper.appliance.coverage.CoverageFlag.UsableOnlyWithQcProblem;
import io.setkeeper.appliance.coverage.SceneCoverage.CharacterCoverage;
import io.setkeeper.appliance.coverage.SceneCoverage.SetupCoverage;
import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.Scene;
import io.setkeeper.appliance.plan.ShotSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Coverage as a pure decision: the plan (scenes from the screenplay, planned setups from the shot list) against
 * the takes shot, per scene. A take is usable when it is circled or QC-clean and its slate agrees with the footage.
 * A single is a usable take in which the character is the only one seen, at a single's size (MCU or CU by default).
 * Off-screen speakers (V.O., O.S.) need no single. Setup and scene ids are compared ignoring case and spaces.
 */
public final class Coverage {
    /** The sizes that make a single by default. */
    public static final Set<ShotSize> SINGLE_SIZES = Set.copyOf(EnumSet.of(ShotSize.MCU, ShotSize.CU));

    private Coverage() {
    }

    /** Coverage per scene with the default single sizes. */
    public static List<SceneCoverage> evaluate(List<Scene> scenes, List<PlannedSetup> setups, List<ShotTake> takes) {
        return evaluate(scenes, setups, takes, SINGLE_SIZES);
    }

    /**
     * Coverage per scene: the screenplay's scenes in order, then scenes that only the shot list or the takes name.
     */
    public static List<SceneCoverage> evaluate(List<Scene> scenes, List<PlannedSetup> setups, List<ShotTake> takes,
                                               Set<ShotSize> singleSizes) {
        return evaluate(scenes, setups, takes, singleSizes, Set.of());
    }

    /**
     * As {@link #evaluate(List, List, List, Set)}, with the scenes planned for the day: {@code NothingShot} is raised
     * only for those (for every planned scene when {@code day} is empty).
     */
    public static List<SceneCoverage> evaluate(List<Scene> scenes, List<PlannedSetup> setups, List<ShotTake> takes,
                                               Set<ShotSize> singleSizes, Set<String> day) {
        Set<String> dayKeys = new LinkedHashSet<>();
        day.forEach(d -> dayKeys.add(key(d)));
        Map<String, Scene> byId = new LinkedHashMap<>();
        scenes.forEach(s -> byId.put(key(s.id()), s));
        Set<String> order = new LinkedHashSet<>(byId.keySet());
        Map<String, String> display = new LinkedHashMap<>();
        scenes.forEach(s -> display.put(key(s.id()), s.id()));
        for (PlannedSetup p : setups) {
            order.add(key(p.scene()));
            display.putIfAbsent(key(p.scene()), p.scene());
        }
        for (ShotTake t : takes) {
            order.add(key(t.scene()));
            display.putIfAbsent(key(t.scene()), t.scene());
        }
        List<SceneCoverage> out = new ArrayList<>();
        for (String id : order) {
            List<PlannedSetup> planned = setups.stream().filter(p -> key(p.scene()).equals(id)).toList();
            List<ShotTake> shot = takes.stream().filter(t -> key(t.scene()).equals(id))
                    .sorted(Comparator.comparingInt(ShotTake::take)).toList();
            boolean today = dayKeys.isEmpty() || dayKeys.contains(id);
            out.add(scene(display.get(id), byId.get(id), planned, shot, singleSizes, today));
        }
        return out;
    }

    private static SceneCoverage scene(String id, Scene scene, List<PlannedSetup> planned, List<ShotTake> shot,
                                       Set<ShotSize> singleSizes, boolean today) {
        List<CoverageFlag> flags = new ArrayList<>();
        if (today && !planned.isEmpty() && shot.isEmpty()) {
            flags.add(new NothingShot(id));
        }
        List<SetupCoverage> setups = new ArrayList<>();
        List<CoverageFlag> qcOnly = new ArrayList<>();
        Set<String> plannedKeys = new LinkedHashSet<>();
        for (PlannedSetup p : planned) {
            plannedKeys.add(key(p.setup()));
            List<ShotTake> of = shot.stream().filter(t -> key(t.setup()).equals(key(p.setup()))).toList();
            List<Integer> all = of.stream().map(ShotTake::take).toList();
            List<ShotTake> usable = of.stream().filter(ShotTake::usable).toList();
            setups.add(new SetupCoverage(p, all, usable.stream().map(ShotTake::take).toList()));
            if (usable.isEmpty()) {
                flags.add(new NoUsableTake(id, p.setup(), all));
            } else if (usable.stream().allMatch(ShotTake::qcProblem)) {
                qcOnly.add(new UsableOnlyWithQcProblem(id, p.setup(), usable.stream().map(ShotTake::take).toList()));
            }
        }
        flags.addAll(qcOnly);

        List<ShotTake> usable = shot.stream().filter(ShotTake::usable).toList();
        Set<String> speakers = scene == null ? Set.of() : scene.onScreenSpeakers();
        Set<String> names = new LinkedHashSet<>(speakers);
        if (scene != null) {
            names.addAll(scene.appearing());
        }
        usable.forEach(t -> t.seen().forEach(s -> names.add(s.character())));
        List<CharacterCoverage> characters = new ArrayList<>();
        for (String name : names) {
            Set<ShotSize> sizes = EnumSet.noneOf(ShotSize.class);
            usable.forEach(t -> t.seen().stream().filter(s -> s.character().equals(name))
                    .forEach(s -> sizes.add(s.size())));
            boolean single = usable.stream().anyMatch(t -> t.isSingleOf(name, singleSizes));
            characters.add(new CharacterCoverage(name, speakers.contains(name), sizes, single));
            if (speakers.contains(name) && !single) {
                flags.add(new SpeakerWithoutSingle(id, name));
            }
        }

        Map<String, List<Integer>> unplanned = new LinkedHashMap<>();
        Map<String, String> unplannedName = new LinkedHashMap<>();
        for (ShotTake t : shot) {
            if (!plannedKeys.contains(key(t.setup()))) {
                unplanned.computeIfAbsent(key(t.setup()), k -> new ArrayList<>()).add(t.take());
                unplannedName.putIfAbsent(key(t.setup()), t.setup());
            }
        }
        unplanned.forEach((k, v) -> flags.add(new UnplannedSetup(id, unplannedName.get(k), v)));
        return new SceneCoverage(id, setups, characters, List.copyOf(unplannedName.values()), flags);
    }

    private static String key(String id) {
        return id.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
