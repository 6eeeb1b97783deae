package io.setkeeper.sync;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync-service's typed configuration (section {@code sync} of application.yaml).
 *
 * @param httpHost      REST API bind address
 * @param httpPort      REST API port (0 picks a free one)
 * @param brokerUri     MQTT broker
 * @param clientId      this instance's MQTT client id (stable, so its session survives restarts)
 * @param shareGroup    the MQTT 5 shared subscription group all instances join
 * @param sessionExpirySeconds how long the broker queues for this instance while it is away
 * @param topicRoot     topic root, {@code setkeeper/v1} in production
 * @param jdbcUrl       {@code jdbc:h2:file:...} (default) or {@code jdbc:postgresql://...}
 * @param jdbcUser      database user
 * @param jdbcPassword  database password
 * @param artefactDir   where artefact chunks and verified artefacts are kept
 * @param productionKeys production id to its base64 X.509 Ed25519 public key; artefacts of a production with a key
 *                      must carry a valid signature
 */
public record SyncConfig(String httpHost, int httpPort, String brokerUri, String clientId, String shareGroup,
                         long sessionExpirySeconds, String topicRoot, String jdbcUrl, String jdbcUser,
                         String jdbcPassword, Path artefactDir, Map<String, String> productionKeys) {
    public SyncConfig {
        productionKeys = Map.copyOf(productionKeys);
    }

    /** {@code productions: {<id>: {public-key: <base64>}}}. */
    private static Map<String, String> keys(Config productions) {
        Map<String, String> out = new HashMap<>();
        for (Config p : productions.asNodeList().orElse(List.of())) {
            p.get("public-key").asString().ifPresent(k -> out.put(p.name(), k));
        }
        return out;
    }

    /** Reads the {@code sync} section, with defaults for a single laptop. */
    public static SyncConfig from(Config root) {
        Config c = root.get("sync");
        Path data = Path.of(c.get("data-dir").asString().orElse("data/sync"));
        return new SyncConfig(
                c.get("http.host").asString().orElse("0.0.0.0"),
                c.get("http.port").asInt().orElse(8081),
                c.get("mqtt.uri").asString().orElse("tcp://127.0.0.1:1883"),
                c.get("mqtt.client-id").asString().orElse("setkeeper-sync-1"),
                c.get("mqtt.share-group").asString().orElse("post"),
                c.get("mqtt.session-expiry-seconds").asLong().orElse(7L * 24 * 3600),
                c.get("mqtt.topic-root").asString().orElse("setkeeper/v1"),
                c.get("store.url").asString().orElse("jdbc:h2:file:" + data.toAbsolutePath().resolve("sync")
                        + ";WRITE_DELAY=0"),
                c.get("store.user").asString().orElse("sa"),
                c.get("store.password").asString().orElse(""),
                data.resolve("artefacts"), keys(c.get("productions")));
    }
}
