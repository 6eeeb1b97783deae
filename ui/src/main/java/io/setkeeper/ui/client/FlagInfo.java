package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A continuity flag as the appliance serves it ({@code GET /api/flags}, {@code GET /api/flags/{id}}, the
 * {@code raised} / {@code decided} events of {@code /api/flags/events}; docs/api.md "Continuity flags"): its kind,
 * state ({@code OPEN}, {@code APPROVE}, {@code REJECT}, {@code ACCEPT_AS_INTENT}), scene and setup, the clips it
 * compares (the clip at fault first), what it is about, the summary in words, the numbers behind it, its evidence
 * PNG paths and, once decided, the decision.
 */
public record FlagInfo(String id, String kind, String state, Optional<String> scene, Optional<String> setup,
                       List<String> clips, Optional<String> subject, String summary, Map<String, String> numbers,
                       List<String> evidence, Optional<Decision> decision) {
    /** Who decided, as what role, and why. */
    public record Decision(String decision, String decidedBy, String role, String reason) {
    }
}
