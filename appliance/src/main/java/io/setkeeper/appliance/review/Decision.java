package io.setkeeper.appliance.review;

import java.time.Instant;
import java.util.List;

/**
 * One human decision as the audit log holds it: who, in which role, when, what, why, the model version and the
 * evidence it saw, its position in the log and its link in the hash chain.
 */
public record Decision(long seq, String id, Subject.Type subjectType, String subjectId, Kind decision,
                       String decidedBy, Role role, Instant decidedAt, String reason, String modelVersion,
                       List<String> evidence, String prevHash, String hash) {
    /** What was decided. */
    public enum Kind {
        APPROVE, REJECT, ACCEPT_AS_INTENT;

        static Kind parse(String s) {
            try {
                return valueOf(s);
            } catch (RuntimeException e) {
                throw ReviewException.invalid("decision must be APPROVE, REJECT or ACCEPT_AS_INTENT, was '" + s + "'");
            }
        }
    }

    public Decision {
        evidence = List.copyOf(evidence);
    }
}
