package io.setkeeper.protocol.messages;

import java.util.Map;

/**
 * A fix (CDL, clean plate, reframe, patch) that a named person approved. Fixes are parameters, never modified
 * media; an asset the fix needs travels as an artefact named by {@code artefactId}.
 *
 * @param fixId        stable fix id
 * @param kind         {@code cdl}, {@code plate}, {@code reframe}, {@code patch}, ...
 * @param clip         the clip it applies to
 * @param timecodeIn   first timecode it applies to (SMPTE text), or {@code null} for the whole clip
 * @param timecodeOut  last timecode it applies to, or {@code null}
 * @param parameters   the fix's parameters as text (e.g. {@code slope} to {@code "1.02 1.0 0.98"})
 * @param approval     the approval record
 * @param artefactId   artefact holding the fix's asset, or {@code null}
 */
public record FixApproved(String fixId, String kind, String clip, String timecodeIn, String timecodeOut,
                          Map<String, String> parameters, Approval approval, String artefactId) implements Message {
    public FixApproved {
        Require.text(fixId, "fixId");
        Require.text(kind, "kind");
        Require.text(clip, "clip");
        parameters = Map.copyOf(parameters);
        if (approval == null) {
            throw new NullPointerException("approval is required: nothing unapproved leaves the box as a fix");
        }
    }

    @Override
    public String schema() {
        return Schemas.FIX_APPROVED;
    }
}
