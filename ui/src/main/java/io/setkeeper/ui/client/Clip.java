package io.setkeeper.ui.client;

import java.util.Optional;

/** A clip as listed by {@code GET /api/clips}: file, card, probe summary ({@code PROBED} or {@code FAILED}), slate. */
public record Clip(long id, String card, String path, String fileName, String kind, String status,
                   Optional<String> error, Optional<String> camera, Optional<String> roll,
                   Optional<String> startTimecode, Optional<String> fps, Optional<Integer> width,
                   Optional<Integer> height, Optional<Double> durationSeconds, Slate slate) {
}
