package io.setkeeper.appliance.outbox;

import io.setkeeper.protocol.messages.ApplianceStatus;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.CoverageReport;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.messages.FlagDecided;
import io.setkeeper.protocol.messages.FlagRaised;
import io.setkeeper.protocol.messages.Message;
import io.setkeeper.protocol.messages.ModelVersionAnnounced;
import io.setkeeper.protocol.messages.Unknown;

/**
 * How important an outgoing message is. {@link #rank()} orders publishing (lower first: small decisions never wait
 * behind a 100 MiB model); {@link #sheddable()} says whether the capacity policy may drop it. Approvals, human
 * decisions, models and artefacts are never dropped.
 */
public enum Priority {
    /** Approved fixes and human decisions on flags. */
    APPROVAL(0, false),
    /** Model version announcements and artefact manifests. */
    MODEL(1, false),
    /** Flags and coverage reports: wanted, but a newer one supersedes an old one. */
    EVENT(2, true),
    /** Artefact chunks: bulk bytes, sent after the small messages. */
    CHUNK(3, false),
    /** Heartbeats: shed first. */
    STATUS(4, true);

    private final int rank;
    private final boolean sheddable;

    Priority(int rank, boolean sheddable) {
        this.rank = rank;
        this.sheddable = sheddable;
    }

    public int rank() {
        return rank;
    }

    public boolean sheddable() {
        return sheddable;
    }

    /** The priority with this rank. */
    public static Priority ofRank(int rank) {
        for (Priority p : values()) {
            if (p.rank == rank) {
                return p;
            }
        }
        throw new IllegalArgumentException("no priority of rank " + rank);
    }

    /** The priority a message body travels with. */
    public static Priority of(Message body) {
        return switch (body) {
            case FixApproved f -> APPROVAL;
            case FlagDecided f -> APPROVAL;
            case ModelVersionAnnounced m -> MODEL;
            case ArtefactManifest m -> MODEL;
            case ArtefactChunk c -> CHUNK;
            case FlagRaised f -> EVENT;
            case CoverageReport c -> EVENT;
            case ApplianceStatus s -> STATUS;
            case DeliveryReceipt r -> throw new IllegalArgumentException("receipts are sent by the post side");
            case Unknown u -> throw new IllegalArgumentException("an unknown body cannot be sent: " + u.schema());
        };
    }
}
