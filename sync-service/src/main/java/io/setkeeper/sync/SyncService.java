package io.setkeeper.sync;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.topics.TopicScheme;
import io.setkeeper.sync.broker.BrokerHost;
import io.setkeeper.sync.intake.ArtefactFiles;
import io.setkeeper.sync.intake.Intake;
import io.setkeeper.sync.mqtt.MqttIntake;
import io.setkeeper.sync.store.SyncStore;
import io.setkeeper.sync.web.ApiRoutes;
import io.setkeeper.sync.web.ModelRoutes;
import io.setkeeper.sync.web.TokenRoutes;
import io.setkeeper.sync.auth.ApiTokens;
import io.setkeeper.sync.store.TokenTable;
import io.setkeeper.sync.web.ExportRoutes;
import io.setkeeper.sync.models.Trust;
import io.setkeeper.sync.store.ModelTables;

import io.setkeeper.protocol.signing.ArtefactSignature;

import java.security.PublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One running sync-service instance: (optionally) its embedded broker, store, MQTT intake and REST API, wired from a
 * {@link SyncConfig}. Several instances on one PostgreSQL share the work through the broker's shared subscription.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());

    private final BrokerHost broker;
    private final SyncStore store;
    private final MqttIntake intake;
    private final WebServer server;
    private final java.nio.file.Path dataDir;

    private SyncService(SyncConfig config, Clock clock, BrokerHost broker) {
        this.broker = broker;
        this.dataDir = config.dataDir();
        this.store = SyncStore.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        TopicScheme scheme = new TopicScheme(config.topicRoot());
        ModelTables models = new ModelTables(store);
        Intake logic = new Intake(store, new ArtefactFiles(config.artefactDir()), new JsonCodec(), scheme,
                config.clientId(), new Trust(keys(config), config.firstContact(), models, clock), models, clock);
        this.intake = new MqttIntake(new MqttIntake.Settings(config.brokerUri(), config.clientId(),
                scheme.sharedSubscription(config.shareGroup()), config.sessionExpirySeconds()), logic);
        ApiRoutes api = new ApiRoutes(store);
        ModelRoutes modelApi = new ModelRoutes(store, models);
        ApiTokens tokens = new ApiTokens(new TokenTable(store), clock);
        tokens.bootstrap(config.dataDir());
        TokenRoutes tokenApi = new TokenRoutes(tokens);
        // /observe/health answers once the service is up (the run script waits for it)
        this.server = WebServer.builder().host(config.httpHost()).port(config.httpPort())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().useSystemServices(false).build()).build())
                .routing(r -> {
                    tokenApi.register(r);
                    api.register(r);
                    modelApi.register(r);
                    new ExportRoutes(store).register(r);
                }).build();
    }

    private static Map<String, PublicKey> keys(SyncConfig config) {
        Map<String, PublicKey> keys = new HashMap<>();
        config.productionKeys().forEach((p, k) -> keys.put(p, ArtefactSignature.publicKey(k)));
        return keys;
    }

    /** Starts the embedded broker (if configured), opens the store, starts the REST API and connects to the broker. */
    public static SyncService start(SyncConfig config, Clock clock) {
        SyncConfig.Broker b = config.broker();
        BrokerHost broker = b.embedded() ? BrokerHost.start(b.host(), b.port(), b.dir(), b.tls(),
                new TopicScheme(config.topicRoot())) : null;
        SyncService s;
        try {
            s = new SyncService(config, clock, broker);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        s.server.start();
        if (!s.server.isRunning() || s.server.port() < 0) {
            s.close();
            throw new IllegalStateException("the REST API cannot listen on " + config.httpHost() + ":"
                    + config.httpPort() + " (is the port taken? set sync.http.port)");
        }
        try {
            s.intake.start();
        } catch (Exception e) {
            s.close();
            throw new IllegalStateException("cannot connect to the broker " + config.brokerUri() + ": "
                    + e.getMessage(), e);
        }
        LOG.info(() -> "sync-service '" + config.clientId() + "' on http://localhost:" + s.port() + ", broker "
                + config.brokerUri() + (broker != null ? " (embedded)" : "") + ", store " + config.jdbcUrl());
        return s;
    }

    public int port() {
        return server.port();
    }

    /** The data folder; its {@code admin-token} holds the bootstrap admin token (if this instance made it). */
    public java.nio.file.Path dataDir() {
        return dataDir;
    }

    public SyncStore store() {
        return store;
    }

    public MqttIntake intake() {
        return intake;
    }

    /** Simulates a crash of the MQTT side (no clean disconnect) and stops the rest. */
    public void crash() {
        intake.crash();
        server.stop();
        store.close();
        closeBroker();
    }

    private void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public void close() {
        intake.close();
        server.stop();
        store.close();
        closeBroker();
    }
}
