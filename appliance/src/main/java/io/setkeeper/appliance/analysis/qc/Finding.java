package io.setkeeper.appliance.analysis.qc;

import java.util.List;
import java.util.Map;

/**
 * One QC flag with its evidence: the frame range (indices and timestamps), representative frames and the measured
 * numbers that triggered it, plus a sentence for the DIT.
 */
public record Finding(Type type, Severity severity, long startFrame, long endFrame, long startPts, long endPts,
                      List<Long> frames, Map<String, Double> numbers, String message) {
    /** What was found. */
    public enum Type {
        SOFT_FOCUS, CLIPPED_HIGHLIGHTS, CRUSHED_BLACKS, UNDEREXPOSED, BLACK_FRAMES, FROZEN_FRAMES, DUPLICATE_FRAMES,
        DROPPED_FRAMES, FLICKER, STUCK_PIXEL, CAMERA_BUMP, SLATE_MISMATCH, OVEREXPOSED
    }

    /** How loudly to tell camera. */
    public enum Severity { INFO, WARNING, ERROR }

    public Finding {
        frames = List.copyOf(frames);
        numbers = Map.copyOf(numbers);
    }
}
