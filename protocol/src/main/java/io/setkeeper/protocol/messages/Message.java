package io.setkeeper.protocol.messages;

/**
 * The closed set of message bodies that travel between an appliance and the post side. Every body names its schema
 * and version (carried in the envelope); bodies from a newer peer that this build does not know decode to
 * {@link Unknown}, so nothing is lost in transit.
 */
public sealed interface Message
        permits ModelVersionAnnounced, ArtefactManifest, ArtefactChunk, FixApproved, FlagRaised, FlagDecided,
        CoverageReport, ApplianceStatus, DeliveryReceipt, Unknown {

    /** The schema name written into the envelope, e.g. {@code setkeeper.fix-approved}. */
    String schema();

    /** The schema version this body was written with. */
    default int version() {
        return 1;
    }
}
