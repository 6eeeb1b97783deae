package io.setkeeper.protocol.messages;

/**
 * A periodic heartbeat of the appliance: its state, what waits in its outbox and its free disk. Low priority: the
 * outbox sheds these first when full.
 */
public record ApplianceStatus(String state, String softwareVersion, int outboxPending, long diskFreeBytes)
        implements Message {
    public ApplianceStatus {
        Require.text(state, "state");
        Require.text(softwareVersion, "softwareVersion");
        if (outboxPending < 0 || diskFreeBytes < 0) {
            throw new IllegalArgumentException("outboxPending and diskFreeBytes must be >= 0");
        }
    }

    @Override
    public String schema() {
        return Schemas.APPLIANCE_STATUS;
    }
}
