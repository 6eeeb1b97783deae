package io.setkeeper.ui.client;

import java.util.List;

/**
 * The director's coverage ({@code GET /api/coverage}): per scene its planned setups with their takes and state
 * ({@code COVERED}, {@code MISSING}, {@code FLAGGED}); characters x shot sizes; the before-wrap list. Read
 * tolerantly: the coverage API is being built.
 */
public record CoverageBoard(List<Scene> scenes, List<String> shotSizes, List<CharacterRow> characters,
                            List<String> beforeWrap) {
    /** A scene and its planned setups. */
    public record Scene(String scene, List<Setup> setups) {
    }

    /** A planned setup: its state, the takes shot and the clip (or flag) that is its evidence. */
    public record Setup(String setup, String state, List<String> takes, List<String> evidence) {
    }

    /** One character: the state per shot size, in the order of {@code shotSizes}. */
    public record CharacterRow(String character, List<String> states) {
    }
}
