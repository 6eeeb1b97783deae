package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A QC finding of a clip ({@code GET /api/clips/{id}/findings}, {@code GET /api/findings}): type, severity, the
 * frames and timecodes it covers, the sentence, the evidence frames and numbers, the path of its evidence still.
 */
public record Finding(long id, long clip, String type, String severity, long startFrame, long endFrame,
                      long startPtsMicros, Optional<String> startTimecode, Optional<String> endTimecode, String message,
                      List<Long> evidenceFrames, Map<String, String> numbers, Optional<String> still) {
}
