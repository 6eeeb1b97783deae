package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A continuity or QC flag ({@code GET /api/flags}, SSE {@code /api/flags/events}): kind, scene, the clips it
 * compares, the numbers behind it, its evidence stills (paths on the appliance) and its state. Read tolerantly:
 * the flags API is being built; absent fields are empty.
 */
public record FlagInfo(String id, String kind, Optional<String> scene, List<String> clips,
                       Map<String, String> numbers, List<String> evidence, String state, Optional<String> message) {
}
