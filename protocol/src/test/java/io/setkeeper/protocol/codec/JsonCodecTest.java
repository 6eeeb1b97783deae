package io.setkeeper.protocol.codec;

import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.FlagDecided;
import io.setkeeper.protocol.messages.Message;
import io.setkeeper.protocol.messages.Unknown;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecTest {
    private final JsonCodec codec = new JsonCodec();
    private final Instant t = Instant.parse("2026-11-21T18:00:00.123Z");

    @Test
    void everyKnownMessageSurvivesARoundTrip() {
        for (Message m : Samples.all()) {
            Envelope e = Envelope.of(m, "prod-1", "cart-a", t, "corr-9");
            Envelope back = codec.decode(codec.encode(e));
            assertEquals(e, back, m.schema());
        }
    }

    @Test
    void chunksTravelAsRawBytesAfterAHeader() {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Envelope e = Envelope.of(new ArtefactChunk("art", 3, Samples.H1, data), "p", "a", t);
        byte[] wire = codec.encode(e);
        assertEquals('S', wire[0]);
        assertTrue(wire.length < data.length + 1000, "no base64 inflation: " + wire.length);
        ArtefactChunk back = (ArtefactChunk) codec.decode(wire).body();
        assertArrayEquals(data, back.data());
        assertEquals(3, back.index());
    }

    @Test
    void unknownSchemaIsKeptVerbatim() {
        String json = """
                {"schema":"setkeeper.future-thing","version":3,"messageId":"x1","production":"p","appliance":"a",
                 "time":"2026-11-21T18:00:00Z","correlationId":null,"body":{"answer":42,"nested":{"k":[1,2]}}}""";
        Envelope e = codec.decode(json.getBytes(StandardCharsets.UTF_8));
        Unknown u = assertInstanceOf(Unknown.class, e.body());
        assertEquals("setkeeper.future-thing", u.schema());
        assertEquals(3, u.version());
        assertTrue(u.rawBody().contains("\"answer\":42"), u.rawBody());
        // and it re-encodes to the same body
        Envelope again = codec.decode(codec.encode(e));
        assertEquals(e, again);
    }

    @Test
    void aNewerVersionOfAKnownSchemaIsKeptAsUnknown() {
        String json = """
                {"schema":"setkeeper.flag-decided","version":2,"messageId":"x1","production":"p","appliance":"a",
                 "time":"2026-11-21T18:00:00Z","body":{"flagId":"f","verdict":"new field name"}}""";
        Envelope e = codec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertInstanceOf(Unknown.class, e.body());
        assertEquals(2, e.version());
    }

    @Test
    void malformedPayloadsAreRejectedWithTheReason() {
        assertMalformed("not json at all", "not valid JSON");
        assertMalformed("[1,2]", "not an object");
        assertMalformed("", "empty payload");
        assertMalformed("""
                {"schema":"setkeeper.flag-decided","version":1,"production":"p","appliance":"a",
                 "time":"2026-11-21T18:00:00Z","body":{}}""", "'messageId' is missing");
        assertMalformed("""
                {"schema":"setkeeper.flag-decided","version":1,"messageId":"m","production":"p","appliance":"a",
                 "time":"yesterday","body":{"flagId":"f","decision":"d","decidedBy":"b","role":"r"}}""",
                "'time' is not an ISO-8601 instant");
        assertMalformed("""
                {"schema":"setkeeper.flag-decided","version":1,"messageId":"m","production":"p","appliance":"a",
                 "time":"2026-11-21T18:00:00Z","body":{"flagId":7,"decision":"d","decidedBy":"b","role":"r"}}""",
                "'flagId' must be a string");
        assertMalformed("""
                {"schema":"setkeeper.flag-decided","version":1,"messageId":"m","production":"p/x","appliance":"a",
                 "time":"2026-11-21T18:00:00Z","body":{"flagId":"f","decision":"d","decidedBy":"b","role":"r"}}""",
                "invalid production id");
        assertMalformed("""
                {"schema":"setkeeper.artefact-chunk","version":1,"messageId":"m","production":"p","appliance":"a",
                 "time":"2026-11-21T18:00:00Z","body":{"artefactId":"x","index":0,"sha256":"%s","length":1}}"""
                .formatted(Samples.H1), "binary chunk frame");
    }

    @Test
    void aTruncatedChunkFrameIsRejected() {
        Envelope e = Envelope.of(new ArtefactChunk("art", 0, Samples.H1, new byte[1000]), "p", "a", t);
        byte[] wire = codec.encode(e);
        byte[] cut = java.util.Arrays.copyOf(wire, wire.length - 10);
        var ex = assertThrows(MalformedMessageException.class, () -> codec.decode(cut));
        assertTrue(ex.getMessage().contains("1000 bytes but the frame carries 990"), ex.getMessage());
        byte[] noHeader = java.util.Arrays.copyOf(wire, 12);
        assertThrows(MalformedMessageException.class, () -> codec.decode(noHeader));
    }

    @Test
    void envelopeRefusesABodyOfAnotherSchema() {
        var body = new FlagDecided("f", "d", "b", "r", "");
        assertThrows(IllegalArgumentException.class,
                () -> new Envelope("setkeeper.fix-approved", 1, "m", "p", "a", t, null, body));
    }

    private void assertMalformed(String payload, String expected) {
        var ex = assertThrows(MalformedMessageException.class,
                () -> codec.decode(payload.getBytes(StandardCharsets.UTF_8)));
        assertTrue(ex.getMessage().contains(expected), "expected '" + expected + "' in: " + ex.getMessage());
    }
}
