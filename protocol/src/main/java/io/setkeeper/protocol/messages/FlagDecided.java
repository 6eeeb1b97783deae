package io.setkeeper.protocol.messages;

/**
 * A person's decision on a flag: {@code accepted} (a real problem), {@code dismissed}, or {@code reshoot}.
 */
public record FlagDecided(String flagId, String decision, String decidedBy, String role, String reason)
        implements Message {
    public FlagDecided {
        Require.text(flagId, "flagId");
        Require.text(decision, "decision");
        Require.text(decidedBy, "decidedBy");
        Require.text(role, "role");
        if (reason == null) {
            reason = "";
        }
    }

    @Override
    public String schema() {
        return Schemas.FLAG_DECIDED;
    }
}
