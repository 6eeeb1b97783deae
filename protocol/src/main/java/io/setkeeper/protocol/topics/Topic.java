package io.setkeeper.protocol.topics;

/**
 * A parsed or to-be-built topic: production, appliance, channel and, for artefact channels, the artefact id and
 * chunk index ({@code -1} where not applicable). Build and parse through {@link TopicScheme}.
 */
public record Topic(String production, String appliance, Channel channel, String artefactId, int chunkIndex) {
    public Topic {
        Ids.requireValid(production, "production");
        Ids.requireValid(appliance, "appliance");
        if (channel == null) {
            throw new NullPointerException("channel is required");
        }
        boolean needsArtefact = channel == Channel.ARTEFACT_MANIFEST || channel == Channel.ARTEFACT_CHUNK;
        if (needsArtefact) {
            Ids.requireValid(artefactId, "artefact");
        } else if (artefactId != null) {
            throw new IllegalArgumentException(channel + " takes no artefact id");
        }
        if (channel == Channel.ARTEFACT_CHUNK ? chunkIndex < 0 : chunkIndex != -1) {
            throw new IllegalArgumentException(channel + " cannot have chunk index " + chunkIndex);
        }
    }

    /** A topic for a channel without artefact. */
    public static Topic of(String production, String appliance, Channel channel) {
        return new Topic(production, appliance, channel, null, -1);
    }
}
