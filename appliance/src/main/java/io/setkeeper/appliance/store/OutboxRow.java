package io.setkeeper.appliance.store;

import java.time.Instant;

/**
 * One row of the outbox table. {@code payload} is the encoded message; for an artefact chunk it is the encoded
 * header only and the bytes are read from {@code sourcePath} at {@code sourceOffset} when published.
 */
public record OutboxRow(long id, String messageId, String schema, String topic, int qos, boolean retained,
                        int priority, byte[] payload, String sourcePath, long sourceOffset, int sourceLength,
                        Instant created, Instant expires, Instant published, Instant confirmed, Instant dropped,
                        String dropReason, String receiptStatus, int attempts) {

    /** True for a row whose bytes live in a file. */
    public boolean hasSource() {
        return sourcePath != null;
    }

    /** A row to insert: everything the caller decides, nothing the life cycle adds. */
    public record New(String messageId, String schema, String topic, int qos, boolean retained, int priority,
                      byte[] payload, String sourcePath, long sourceOffset, int sourceLength, Instant created,
                      Instant expires) {
        /** A self-contained message. */
        public static New message(String messageId, String schema, String topic, int qos, boolean retained,
                                  int priority, byte[] payload, Instant created, Instant expires) {
            return new New(messageId, schema, topic, qos, retained, priority, payload, null, 0, 0, created, expires);
        }
    }
}
