package io.setkeeper.protocol.messages;

/**
 * A body whose schema (or schema version) this build does not know, kept verbatim so that it can be stored and
 * forwarded: a newer appliance can talk to an older sync-service without loss.
 *
 * @param schema  the schema name from the envelope
 * @param version the schema version from the envelope
 * @param rawBody the body exactly as received, as JSON text
 */
public record Unknown(String schema, int version, String rawBody) implements Message {
    public Unknown {
        Require.text(schema, "schema");
        if (rawBody == null) {
            throw new NullPointerException("rawBody is required");
        }
    }
}
