package io.setkeeper.protocol.messages;

/**
 * Sent by the post side for each message it received, so the appliance can mark the message confirmed ("at post").
 *
 * @param receivedMessageId the message id being acknowledged
 * @param status            what happened to it
 * @param detail            a human-readable reason, e.g. why an artefact was rejected; empty if none
 */
public record DeliveryReceipt(String receivedMessageId, Status status, String detail) implements Message {
    /** The fate of a received message. */
    public enum Status {
        /** Stored for the first time. */
        STORED,
        /** Already held: a repeat, ignored. */
        DUPLICATE,
        /** An artefact whose bytes were reassembled and matched its manifest. */
        VERIFIED,
        /** Refused, e.g. a tampered artefact or a malformed body; {@code detail} says why. */
        REJECTED
    }

    public DeliveryReceipt {
        Require.text(receivedMessageId, "receivedMessageId");
        if (status == null) {
            throw new NullPointerException("status is required");
        }
        if (detail == null) {
            detail = "";
        }
    }

    @Override
    public String schema() {
        return Schemas.DELIVERY_RECEIPT;
    }
}
