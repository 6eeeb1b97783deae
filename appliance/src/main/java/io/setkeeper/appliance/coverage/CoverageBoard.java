package io.setkeeper.appliance.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The coverage board: per scene the coverage decision, every take with its facts, the clips that could not be
 * placed in any scene, and the scenes of the day.
 *
 * @param unplaced clips with neither a slate setup nor a model placement (clip file names)
 */
public record CoverageBoard(String production, Instant at, List<String> day, List<SceneCoverage> scenes,
                            List<TakeRecord> takes, List<String> unplaced) {
    public CoverageBoard {
        day = List.copyOf(day);
        scenes = List.copyOf(scenes);
        takes = List.copyOf(takes);
        unplaced = List.copyOf(unplaced);
    }

    /** The takes of a scene, setup by setup in take order. */
    public List<TakeRecord> takesOf(String scene) {
        return takes.stream().filter(t -> t.take().scene().equalsIgnoreCase(scene)).toList();
    }

    public Optional<SceneCoverage> scene(String id) {
        return scenes.stream().filter(s -> s.scene().equalsIgnoreCase(id)).findFirst();
    }

    /** Whether a scene is one of the day's (every scene when no day was given). */
    public boolean today(String scene) {
        return day.isEmpty() || day.stream().anyMatch(d -> d.equalsIgnoreCase(scene));
    }
}
