package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The production model ({@code GET /api/model}): clips learned, characters and setups known, the unknown threshold,
 * the active version, the metrics its manifest carries (flattened), and why the version no longer verifies if so.
 */
public record ModelState(int clips, List<String> characters, List<String> setups, double characterThreshold,
                         Optional<String> activeVersion, Map<String, String> metrics, Optional<String> problem) {
}
