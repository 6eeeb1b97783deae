package io.setkeeper.protocol.envelope;

import io.setkeeper.protocol.messages.Message;
import io.setkeeper.protocol.topics.Ids;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The frame around every message: which schema and version the body is, a unique message id (the post side ignores
 * repeats by it), the production and appliance it comes from, when it was made, and an optional correlation id that
 * ties a reply (a delivery receipt, a chunk) to what it answers.
 *
 * @param schema        the body's schema name
 * @param version       the body's schema version
 * @param messageId     unique id of this message
 * @param production    production id
 * @param appliance     appliance id
 * @param time          when the message was made
 * @param correlationId id of a related message, or {@code null}
 * @param body          the message body
 */
public record Envelope(String schema, int version, String messageId, String production, String appliance,
                       Instant time, String correlationId, Message body) {
    public Envelope {
        Objects.requireNonNull(body, "body is required");
        Objects.requireNonNull(time, "time is required");
        Objects.requireNonNull(messageId, "messageId is required");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId must not be blank");
        }
        Ids.requireValid(production, "production");
        Ids.requireValid(appliance, "appliance");
        if (!body.schema().equals(schema) || body.version() != version) {
            throw new IllegalArgumentException("envelope says " + schema + " v" + version + " but the body is "
                    + body.schema() + " v" + body.version());
        }
    }

    /** A new envelope with a random message id. */
    public static Envelope of(Message body, String production, String appliance, Instant time, String correlationId) {
        return new Envelope(body.schema(), body.version(), UUID.randomUUID().toString(), production, appliance, time,
                correlationId, body);
    }

    /** A new envelope with a random message id and no correlation. */
    public static Envelope of(Message body, String production, String appliance, Instant time) {
        return of(body, production, appliance, time, null);
    }
}
