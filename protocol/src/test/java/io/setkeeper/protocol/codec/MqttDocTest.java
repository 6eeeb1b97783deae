package io.setkeeper.protocol.codec;

import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.Unknown;
import io.setkeeper.protocol.topics.Channel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps docs/mqtt.md and the code equal: the topic table matches {@link Channel}, every example decodes. */
class MqttDocTest {
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)` \\| `([^`]+)` \\| (\\d) \\| (yes|no) \\| (to post|to appliance) \\|$", Pattern.MULTILINE);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static String doc() throws IOException {
        Path p = Path.of("..", "docs", "mqtt.md");
        assertTrue(Files.isRegularFile(p), "docs/mqtt.md not found from " + Path.of("").toAbsolutePath());
        return Files.readString(p);
    }

    @Test
    void topicTableMatchesTheChannels() throws IOException {
        Matcher m = ROW.matcher(doc());
        Set<Channel> seen = new HashSet<>();
        while (m.find()) {
            Channel c = Channel.forSchema(m.group(2));
            assertEquals(c.pattern(), m.group(1), c.name());
            assertEquals(c.qos(), Integer.parseInt(m.group(3)), c.name() + " QoS");
            assertEquals(c.retain(), m.group(4).equals("yes"), c.name() + " retain");
            assertEquals(c.direction() == Channel.Direction.TO_POST, m.group(5).equals("to post"), c.name());
            assertTrue(seen.add(c), "documented twice: " + c);
        }
        assertEquals(Set.of(Channel.values()), seen, "every channel must be in the table");
    }

    @Test
    void everyExampleDecodesAndEveryChannelHasOne() throws IOException {
        JsonCodec codec = new JsonCodec();
        Matcher m = JSON_BLOCK.matcher(doc());
        List<String> schemas = new ArrayList<>();
        while (m.find()) {
            JsonObject o = Json.createReader(new StringReader(m.group(1))).readObject();
            byte[] chunk = null;
            if (o.getString("schema").equals("setkeeper.artefact-chunk")) {
                chunk = new byte[o.getJsonObject("body").getInt("length")];
            }
            Envelope e = codec.fromJson(o, chunk);
            assertFalse(e.body() instanceof Unknown, "example decodes to Unknown: " + e.schema());
            // and survives an encode/decode round trip unchanged
            assertEquals(e, codec.decode(codec.encode(e)));
            schemas.add(e.schema());
        }
        for (Channel c : Channel.values()) {
            assertTrue(schemas.contains(c.schema()), "no example for " + c.schema());
        }
    }
}
