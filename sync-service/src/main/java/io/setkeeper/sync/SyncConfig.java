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
 * @param broker        the embedded broker to host before connecting ({@link Broker#NONE}: an external broker)
 * @param firstContact  pin a production's key from its first model announcement when none is provisioned
 *                      ({@code sync.trust.first-contact}, default true; see docs/security.md)
 */
public record SyncConfig(String httpHost, int httpPort, String brokerUri, String clientId, String shareGroup,
                         long sessionExpirySeconds, String topicRoot, String jdbcUrl, String jdbcUser,
                         String jdbcPassword, Path artefactDir, Map<String, String> productionKeys, Broker broker,
                         boolean firstContact) {
    /** Default port of the embedded broker (1883 stays free for a Mosquitto on the same machine). */
    public static final int EMBEDDED_PORT = 1884;

    /**
     * The embedded HiveMQ CE broker ({@code sync.broker.*}).
     *
     * @param embedded host one in this process
     * @param host     its bind address
     * @param port     its TCP port
     * @param dir      its config/data folders (in-memory persistence: nothing durable is written)
     * @param tls      a TLS listener for boxes with client certificates and the per-production ACL, or null
     */
    public record Broker(boolean embedded, String host, int port, Path dir,
                         io.setkeeper.sync.broker.BrokerTls tls) {
        /** No embedded broker: connect to {@code brokerUri} only. */
        public static final Broker NONE = new Broker(false, "127.0.0.1", EMBEDDED_PORT, Path.of("data/sync/broker"));

        public Broker {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("sync.broker.port must be 1-65535, was " + port);
            }
        }

        /** Without a TLS listener. */
        public Broker(boolean embedded, String host, int port, Path dir) {
            this(embedded, host, port, dir, null);
        }
    }

    public SyncConfig {
        productionKeys = Map.copyOf(productionKeys);
        broker = broker == null ? Broker.NONE : broker;
    }

    /** The data folder ({@code sync.data-dir}): the artefact folder's parent; holds the bootstrap {@code admin-token}. */
    public Path dataDir() {
        return artefactDir.toAbsolutePath().getParent();
    }

    /** A config that pins keys at first contact. */
    public SyncConfig(String httpHost, int httpPort, String brokerUri, String clientId, String shareGroup,
                      long sessionExpirySeconds, String topicRoot, String jdbcUrl, String jdbcUser,
                      String jdbcPassword, Path artefactDir, Map<String, String> productionKeys, Broker broker) {
        this(httpHost, httpPort, brokerUri, clientId, shareGroup, sessionExpirySeconds, topicRoot, jdbcUrl, jdbcUser,
                jdbcPassword, artefactDir, productionKeys, broker, true);
    }

    /** A config without an embedded broker (tests that bring their own). */
    public SyncConfig(String httpHost, int httpPort, String brokerUri, String clientId, String shareGroup,
                      long sessionExpirySeconds, String topicRoot, String jdbcUrl, String jdbcUser,
                      String jdbcPassword, Path artefactDir, Map<String, String> productionKeys) {
        this(httpHost, httpPort, brokerUri, clientId, shareGroup, sessionExpirySeconds, topicRoot, jdbcUrl, jdbcUser,
                jdbcPassword, artefactDir, productionKeys, Broker.NONE);
    }

    /** {@code productions: {<id>: {public-key: <base64>}}}. */
    private static Map<String, String> keys(Config productions) {
        Map<String, String> out = new HashMap<>();
        for (Config p : productions.asNodeList().orElse(List.of())) {
            p.get("public-key").asString().ifPresent(k -> out.put(p.name(), k));
        }
        return out;
    }

    /** {@code sync.broker.tls.{port,host,keystore,keystore-password-file,truststore,truststore-password-file}}. */
    private static io.setkeeper.sync.broker.BrokerTls tls(Config t) {
        if (!t.get("port").exists()) {
            return null;
        }
        return new io.setkeeper.sync.broker.BrokerTls(t.get("host").asString().orElse("0.0.0.0"),
                t.get("port").asInt().get(), Path.of(t.get("keystore").asString().get()),
                secret(t.get("keystore-password-file").asString().get()), Path.of(t.get("truststore").asString().get()),
                secret(t.get("truststore-password-file").asString().get()));
    }

    private static String secret(String file) {
        try {
            return java.nio.file.Files.readString(Path.of(file)).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the {@code sync} section, with defaults for a single laptop. */
    public static SyncConfig from(Config root) {
        Config c = root.get("sync");
        Path data = Path.of(c.get("data-dir").asString().orElse("data/sync"));
        Broker broker = new Broker(c.get("broker.embedded").asBoolean().orElse(true),
                c.get("broker.host").asString().orElse("127.0.0.1"),
                c.get("broker.port").asInt().orElse(EMBEDDED_PORT), data.resolve("broker"), tls(c.get("broker.tls")));
        // without an explicit mqtt.uri the service talks to its own embedded broker (or a local Mosquitto)
        String defaultUri = broker.embedded() ? "tcp://" + broker.host() + ":" + broker.port() : "tcp://127.0.0.1:1883";
        return new SyncConfig(
                c.get("http.host").asString().orElse("0.0.0.0"),
                c.get("http.port").asInt().orElse(8090),
                c.get("mqtt.uri").asString().filter(u -> !u.isBlank()).orElse(defaultUri),
                c.get("mqtt.client-id").asString().orElse("setkeeper-sync-1"),
                c.get("mqtt.share-group").asString().orElse("post"),
                c.get("mqtt.session-expiry-seconds").asLong().orElse(7L * 24 * 3600),
                c.get("mqtt.topic-root").asString().orElse("setkeeper/v1"),
                c.get("store.url").asString().orElse("jdbc:h2:file:" + data.toAbsolutePath().resolve("sync")
                        + ";WRITE_DELAY=0"),
                c.get("store.user").asString().orElse("sa"),
                c.get("store.password").asString().orElse(""),
                data.resolve("artefacts"), keys(c.get("productions")), broker,
                c.get("trust.first-contact").asBoolean().orElse(true));
    }
}
