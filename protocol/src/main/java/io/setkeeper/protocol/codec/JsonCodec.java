package io.setkeeper.protocol.codec;

import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.Message;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes envelopes to MQTT payloads and back. Every message is a UTF-8 JSON object
 * {@code {"schema","version","messageId","production","appliance","time","correlationId","body"}}, except artefact
 * chunks, which travel as a {@link ChunkFrame} (the same JSON as a header, then the raw bytes). Unknown schemas and
 * newer versions decode to {@link io.setkeeper.protocol.messages.Unknown}; anything else that is wrong throws
 * {@link MalformedMessageException} with the reason. Thread-safe and stateless.
 */
public final class JsonCodec {

    /** The encoded payload of {@code envelope}. */
    public byte[] encode(Envelope envelope) {
        byte[] json = header(envelope).toString().getBytes(StandardCharsets.UTF_8);
        if (envelope.body() instanceof ArtefactChunk c) {
            return ChunkFrame.write(json, c.data());
        }
        return json;
    }

    /**
     * The payload of an artefact chunk from its encoded header ({@link #header} of the chunk's envelope, as UTF-8
     * bytes) and its raw bytes: lets a sender keep the header and read the bytes from the file only when publishing.
     */
    public byte[] chunkFrame(byte[] headerJson, byte[] data) {
        return ChunkFrame.write(headerJson, data);
    }

    /** The envelope as a JSON object (for chunks: the header, without data). */
    public JsonObject header(Envelope envelope) {
        JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder()
                .add("schema", envelope.schema())
                .add("version", envelope.version())
                .add("messageId", envelope.messageId())
                .add("production", envelope.production())
                .add("appliance", envelope.appliance())
                .add("time", envelope.time().toString())
                .add("correlationId", envelope.correlationId() == null ? JsonValue.NULL
                        : JsonP.PROVIDER.createValue(envelope.correlationId()))
                .add("body", BodyJson.write(envelope.body()));
        return b.build();
    }

    /** Decodes a payload received from the broker. */
    public Envelope decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new MalformedMessageException("empty payload");
        }
        if (ChunkFrame.isFrame(payload)) {
            ChunkFrame frame = ChunkFrame.read(payload);
            return fromJson(parse(frame.header()), frame.data());
        }
        return fromJson(parse(payload), null);
    }

    /** Decodes an envelope already parsed as JSON (e.g. an example from the docs). Chunks need {@link #decode}. */
    public Envelope fromJson(JsonObject o, byte[] chunkData) {
        String schema = Fields.text(o, "schema");
        int version = Fields.smallInt(o, "version");
        String messageId = Fields.text(o, "messageId");
        JsonObject body = Fields.object(o, "body");
        Message message = BodyJson.read(schema, version, body, chunkData);
        try {
            return new Envelope(schema, version, messageId, Fields.text(o, "production"),
                    Fields.text(o, "appliance"), Fields.instant(o, "time"), Fields.optText(o, "correlationId"),
                    message);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException("envelope of message " + messageId + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject parse(byte[] json) {
        try (var reader = JsonP.PROVIDER.createReader(new ByteArrayInputStream(json))) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o)) {
                throw new MalformedMessageException("payload is JSON but not an object: " + v.getValueType());
            }
            return o;
        } catch (JsonParsingException e) {
            throw new MalformedMessageException("payload is not valid JSON: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new MalformedMessageException("payload is not readable JSON: " + e.getMessage(), e);
        }
    }
}
