package io.setkeeper.protocol.topics;

import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.Unknown;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds and parses every Setkeeper topic in one place: {@code {root}/{production}/{appliance}/{channel...}} with
 * root {@code setkeeper/v1}. A different root (e.g. {@code run-42/setkeeper/v1}) isolates test runs that share a
 * broker.
 */
public record TopicScheme(String root) {
    private static final Pattern ROOT = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    /** The production scheme, root {@code setkeeper/v1}. */
    public static final TopicScheme DEFAULT = new TopicScheme("setkeeper/v1");

    public TopicScheme {
        if (root == null || !ROOT.matcher(root).matches()) {
            throw new IllegalArgumentException("invalid topic root '" + root + "': levels of letters, digits, '.', "
                    + "'_' and '-' separated by '/'");
        }
    }

    /** The scheme under an extra leading prefix, e.g. {@code withPrefix("run-42")} gives {@code run-42/setkeeper/v1}. */
    public static TopicScheme withPrefix(String prefix) {
        return new TopicScheme(prefix + "/" + DEFAULT.root);
    }

    /** The topic string for {@code topic}. */
    public String build(Topic topic) {
        String tail = topic.channel().pattern()
                .replace("{artefact}", String.valueOf(topic.artefactId()))
                .replace("{index}", Integer.toString(topic.chunkIndex()));
        return root + "/" + topic.production() + "/" + topic.appliance() + "/" + tail;
    }

    /** The topic an envelope is published on. */
    public String topicFor(Envelope envelope) {
        Topic topic = switch (envelope.body()) {
            case ArtefactManifest m -> new Topic(envelope.production(), envelope.appliance(),
                    Channel.ARTEFACT_MANIFEST, m.artefactId(), -1);
            case ArtefactChunk c -> new Topic(envelope.production(), envelope.appliance(),
                    Channel.ARTEFACT_CHUNK, c.artefactId(), c.index());
            case Unknown u -> throw new IllegalArgumentException("an unknown body (" + u.schema()
                    + ") has no topic of its own");
            default -> Topic.of(envelope.production(), envelope.appliance(),
                    Channel.forSchema(envelope.body().schema()));
        };
        return build(topic);
    }

    /** Parses a topic string, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public Topic parse(String topic) {
        if (topic == null || !topic.startsWith(root + "/")) {
            throw new IllegalArgumentException("topic '" + topic + "' is not under " + root + "/");
        }
        List<String> levels = Arrays.asList(topic.substring(root.length() + 1).split("/", -1));
        if (levels.size() < 3) {
            throw new IllegalArgumentException("topic '" + topic + "' lacks production, appliance or channel");
        }
        String production = levels.get(0);
        String appliance = levels.get(1);
        List<String> rest = levels.subList(2, levels.size());
        for (Channel c : Channel.values()) {
            String[] pattern = c.pattern().split("/");
            if (pattern.length != rest.size()) {
                continue;
            }
            String artefact = null;
            int index = -1;
            boolean match = true;
            for (int i = 0; i < pattern.length && match; i++) {
                switch (pattern[i]) {
                    case "{artefact}" -> artefact = rest.get(i);
                    case "{index}" -> index = parseIndex(rest.get(i), topic);
                    default -> match = pattern[i].equals(rest.get(i));
                }
            }
            if (match) {
                return new Topic(production, appliance, c, artefact, index);
            }
        }
        throw new IllegalArgumentException("topic '" + topic + "' has no known channel '" + String.join("/", rest)
                + "'");
    }

    private static int parseIndex(String level, String topic) {
        if (!level.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("topic '" + topic + "' has a bad chunk index '" + level + "'");
        }
        return Integer.parseInt(level);
    }

    /** Everything any appliance of any production sends: {@code {root}/+/+/#}. */
    public String allAppliances() {
        return root + "/+/+/#";
    }

    /** The MQTT 5 shared subscription through which a group of post instances shares the work. */
    public String sharedSubscription(String group) {
        Ids.requireValid(group, "share group");
        return "$share/" + group + "/" + allAppliances();
    }

    /** The topic an appliance listens on for its delivery receipts. */
    public String receipts(String production, String appliance) {
        return build(Topic.of(production, appliance, Channel.RECEIPT));
    }
}
