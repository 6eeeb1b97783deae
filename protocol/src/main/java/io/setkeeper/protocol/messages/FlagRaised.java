package io.setkeeper.protocol.messages;

import java.util.List;
import java.util.Map;

/**
 * A QC, continuity or coverage flag with its evidence: the clip, the timecode range, the measured numbers and
 * references to evidence stills (ids, not the pixels).
 */
public record FlagRaised(String flagId, String kind, String severity, String clip, String timecodeIn,
                         String timecodeOut, String summary, Map<String, Double> measurements,
                         List<String> evidence) implements Message {
    public FlagRaised {
        Require.text(flagId, "flagId");
        Require.text(kind, "kind");
        Require.text(severity, "severity");
        Require.text(clip, "clip");
        Require.text(summary, "summary");
        measurements = Map.copyOf(measurements);
        evidence = List.copyOf(evidence);
    }

    @Override
    public String schema() {
        return Schemas.FLAG_RAISED;
    }
}
