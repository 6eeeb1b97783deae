package io.setkeeper.protocol.messages;

import java.time.Instant;

/**
 * Who approved a fix, in what role, why and when: the record of the human gate that travels with the fix.
 */
public record Approval(String approvedBy, String role, String reason, Instant approvedAt) {
    public Approval {
        Require.text(approvedBy, "approvedBy");
        Require.text(role, "role");
        Require.text(reason, "reason");
        if (approvedAt == null) {
            throw new NullPointerException("approvedAt is required");
        }
    }
}
