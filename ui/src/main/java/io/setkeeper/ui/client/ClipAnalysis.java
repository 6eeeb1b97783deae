package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A clip's analysis ({@code GET /api/clips/{id}/analysis}): state, frames done, the error if any, the still names it
 * wrote (representative, contact sheet, finding frames) and the perception summary's numbers (faces, people).
 */
public record ClipAnalysis(long clip, String state, long framesDone, long framesTotal, Optional<String> error,
                           List<String> stills, Map<String, String> perception) {
    public boolean has(String still) {
        return stills.contains(still);
    }
}
