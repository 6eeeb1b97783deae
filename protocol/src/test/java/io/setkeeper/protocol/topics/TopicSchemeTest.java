package io.setkeeper.protocol.topics;

import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.FlagDecided;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicSchemeTest {
    private final TopicScheme scheme = TopicScheme.DEFAULT;

    @Test
    void everyChannelBuildsAndParsesBack() {
        for (Channel c : Channel.values()) {
            boolean art = c == Channel.ARTEFACT_CHUNK || c == Channel.ARTEFACT_MANIFEST;
            Topic t = new Topic("prod-1", "cart.a", c, art ? "model-7" : null, c == Channel.ARTEFACT_CHUNK ? 12 : -1);
            String s = scheme.build(t);
            assertTrue(s.startsWith("setkeeper/v1/prod-1/cart.a/"), s);
            assertEquals(t, scheme.parse(s));
        }
        assertEquals("setkeeper/v1/p/a/artefact/m/chunk/3",
                scheme.build(new Topic("p", "a", Channel.ARTEFACT_CHUNK, "m", 3)));
    }

    @Test
    void envelopesGoToTheirChannel() {
        Instant t = Instant.EPOCH;
        assertEquals("setkeeper/v1/p/a/flag/decided",
                scheme.topicFor(Envelope.of(new FlagDecided("f", "d", "b", "r", ""), "p", "a", t)));
        assertEquals("run-1/setkeeper/v1/p/a/artefact/x/chunk/0", TopicScheme.withPrefix("run-1")
                .topicFor(Envelope.of(new ArtefactChunk("x", 0, "c".repeat(64), new byte[0]), "p", "a", t)));
    }

    @Test
    void idsWithWildcardsOrSeparatorsAreRefused() {
        for (String bad : new String[]{"a+b", "#", "a/b", "", "$SYS", " x", "x y", "é", "a".repeat(65)}) {
            assertFalse(Ids.isValid(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Topic.of(bad, "a", Channel.STATUS), bad);
            assertThrows(IllegalArgumentException.class, () -> Topic.of("p", bad, Channel.STATUS), bad);
        }
        var ex = assertThrows(IllegalArgumentException.class, () -> Ids.requireValid("a+b", "production"));
        assertTrue(ex.getMessage().contains("wildcard"), ex.getMessage());
    }

    @Test
    void foreignOrBrokenTopicsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> scheme.parse("other/v1/p/a/status"));
        assertThrows(IllegalArgumentException.class, () -> scheme.parse("setkeeper/v1/p/a"));
        assertThrows(IllegalArgumentException.class, () -> scheme.parse("setkeeper/v1/p/a/nope"));
        assertThrows(IllegalArgumentException.class, () -> scheme.parse("setkeeper/v1/p/a/artefact/x/chunk/-1"));
        assertThrows(IllegalArgumentException.class, () -> scheme.parse("setkeeper/v1/p+/a/status"));
        assertThrows(IllegalArgumentException.class, () -> scheme.parse("setkeeper/v1/p//status"));
    }

    @Test
    void sharedSubscriptionCoversAllAppliances() {
        assertEquals("$share/post/setkeeper/v1/+/+/#", scheme.sharedSubscription("post"));
        assertThrows(IllegalArgumentException.class, () -> scheme.sharedSubscription("a/b"));
        assertEquals("setkeeper/v1/p/a/receipt", scheme.receipts("p", "a"));
    }
}
