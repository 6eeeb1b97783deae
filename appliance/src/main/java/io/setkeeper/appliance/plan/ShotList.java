package io.setkeeper.appliance.plan;

import java.util.List;

/**
 * An imported shot list: the planned setups in file order and the lines that could not be imported.
 *
 * @param setups   every well-formed row
 * @param problems malformed rows (with their line) and file-level problems such as missing columns
 */
public record ShotList(List<PlannedSetup> setups, List<ParseProblem> problems) {
    public ShotList {
        setups = List.copyOf(setups);
        problems = List.copyOf(problems);
    }

    /** The planned setups of one scene, in file order. */
    public List<PlannedSetup> forScene(String scene) {
        return setups.stream().filter(s -> s.scene().equals(scene)).toList();
    }
}
