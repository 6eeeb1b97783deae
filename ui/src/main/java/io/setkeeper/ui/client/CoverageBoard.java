package io.setkeeper.ui.client;

import java.util.List;
import java.util.Optional;

/**
 * The director's coverage board as the appliance serves it ({@code GET /api/coverage}, docs/coverage.md): per
 * scene its planned setups ({@code COVERED}, {@code FLAGGED}, {@code MISSING}) with their takes ({@code covered},
 * {@code pending}, {@code flagged}, {@code unusable}), unplanned setups, characters and the sizes they were seen at,
 * the before-wrap sentences; the sizes a single must have; clips placed nowhere.
 */
public record CoverageBoard(List<Scene> scenes, List<String> singleSizes, List<Wrap> beforeWrap,
                            List<String> unplaced) {
    /** A scene: heading, status, planned and unplanned setups, characters, its before-wrap sentences. */
    public record Scene(String scene, String heading, String status, boolean today, List<Setup> setups,
                        List<Setup> unplanned, List<Character> characters, List<String> beforeWrap) {
    }

    /** A setup: planned size and description (empty for an unplanned one), status, takes. */
    public record Setup(String setup, String shotSize, String description, String status, List<Take> takes) {
    }

    /** A take: number, clip, status, short caveat, why in words, its representative still (a path). */
    public record Take(String take, String clip, String status, String caveat, List<String> notes,
                       Optional<String> still) {
    }

    /** A character of a scene: speaks, has a single, the shot sizes seen. */
    public record Character(String character, boolean speaks, boolean hasSingle, List<String> sizes) {
    }

    /** A scene of the day with what is left to do before wrap. */
    public record Wrap(String scene, List<String> items) {
    }
}
