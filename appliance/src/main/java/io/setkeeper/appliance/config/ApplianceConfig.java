package io.setkeeper.appliance.config;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The appliance's typed configuration, read once in {@code Main} and handed to services through their
 * constructors. Keys and defaults: {@code application.yaml} and docs/config.md.
 */
public record ApplianceConfig(String production, String appliance, Path dataDir, Http http, Offload offload,
                              Demo demo, Auth auth, Sync sync, Inference inference) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The HTTP listener. */
    public record Http(String host, int port) {
    }

    /** Offload defaults. */
    public record Offload(String algorithm, int bufferKib, int workers, List<Path> autoDestinations) {
        public Offload {
            autoDestinations = List.copyOf(autoDestinations);
        }

        public Offload(String algorithm, int bufferKib, int workers) {
            this(algorithm, bufferKib, workers, List.of());
        }
    }

    /** The demo run: generate a sample card (or take {@code source}) and offload it at start. */
    public record Demo(boolean enabled, Optional<Path> source) {
    }

    /** API authentication: {@code openReads} lets GETs of the review routes through without a token. */
    public record Auth(boolean openReads) {
        /** The default: reads open on the cart LAN, writes always with a token. */
        public static final Auth DEFAULT = new Auth(true);
    }

    /**
     * Sync to post: with {@code enabled} the outbox publisher connects to {@code brokerUri} (retrying with backoff
     * while the broker is away; the appliance works offline meanwhile).
     */
    public record Sync(boolean enabled, String brokerUri, Optional<io.setkeeper.appliance.outbox.mqtt.MqttTls> tls) {
        /** Off: the outbox fills, nothing is published (tests that do not need a broker). */
        public static final Sync OFF = new Sync(false, "tcp://127.0.0.1:1884");

        /** Plain TCP. */
        public Sync(boolean enabled, String brokerUri) {
            this(enabled, brokerUri, Optional.empty());
        }

        public Sync {
            if (brokerUri == null || !brokerUri.matches("(tcp|ssl|ws|wss)://\\S+")) {
                throw new IllegalArgumentException("setkeeper.sync.broker-uri must look like tcp://host:port, was '"
                        + brokerUri + "'");
            }
        }
    }

    /**
     * How perception's ONNX Runtime sessions run: the execution provider asked for ({@code cpu}, {@code cuda},
     * {@code tensorrt}; falls back to CPU when the loaded ONNX Runtime lacks it, health shows which is active)
     * and the intra-op threads per session. One thread is the measured default: on the 2-core appliance decode
     * and QC hold the other core, and a second intra-op thread costs about a quarter more CPU per perceived frame
     * for no wall-time gain under that load (PerceptionBenchmark, docs/analysis.md).
     */
    public record Inference(String provider, int intraOpThreads) {
        /** CPU, one intra-op thread. */
        public static final Inference DEFAULT = new Inference("cpu", 1);

        public Inference {
            if (provider == null || !java.util.Set.of("cpu", "cuda", "tensorrt").contains(provider)) {
                throw new IllegalArgumentException("setkeeper.inference.provider must be cpu, cuda or tensorrt, was '"
                        + provider + "'");
            }
            if (intraOpThreads < 1 || intraOpThreads > 64) {
                throw new IllegalArgumentException("setkeeper.inference.intra-op-threads must be 1-64, was "
                        + intraOpThreads);
            }
        }

        /** The inference engine's configuration (device 0, no spin-waiting). */
        public io.setkeeper.appliance.inference.InferenceConfig engineConfig() {
            return new io.setkeeper.appliance.inference.InferenceConfig(
                    io.setkeeper.appliance.inference.ExecutionProvider.valueOf(provider.toUpperCase(java.util.Locale.ROOT)),
                    intraOpThreads, 0, false);
        }
    }

    /** A config with the default {@link Inference}. */
    public ApplianceConfig(String production, String appliance, Path dataDir, Http http, Offload offload, Demo demo,
                           Auth auth, Sync sync) {
        this(production, appliance, dataDir, http, offload, demo, auth, sync, Inference.DEFAULT);
    }

    /** A config with the default {@link Auth} and sync off. */
    public ApplianceConfig(String production, String appliance, Path dataDir, Http http, Offload offload, Demo demo) {
        this(production, appliance, dataDir, http, offload, demo, Auth.DEFAULT, Sync.OFF);
    }

    /** A config with sync off. */
    public ApplianceConfig(String production, String appliance, Path dataDir, Http http, Offload offload, Demo demo,
                           Auth auth) {
        this(production, appliance, dataDir, http, offload, demo, auth, Sync.OFF);
    }

    /** The MQTT client id: stable per appliance, so the broker keeps its session across restarts. */
    public String mqttClientId() {
        return "setkeeper-" + production + "-" + appliance;
    }

    public ApplianceConfig {
        auth = auth == null ? Auth.DEFAULT : auth;
        sync = sync == null ? Sync.OFF : sync;
        inference = inference == null ? Inference.DEFAULT : inference;
        requireId("setkeeper.production", production);
        requireId("setkeeper.appliance", appliance);
        if (http.port() < 0 || http.port() > 65535) {
            throw new IllegalArgumentException("setkeeper.http.port must be 0-65535, was " + http.port());
        }
        if (offload.bufferKib() < 64 || offload.bufferKib() > 65536) {
            throw new IllegalArgumentException("setkeeper.offload.buffer-kib must be 64-65536, was "
                    + offload.bufferKib());
        }
        if (offload.workers() < 1) {
            throw new IllegalArgumentException("setkeeper.offload.workers must be at least 1");
        }
    }

    /** Reads {@code setkeeper.*}; missing keys take the defaults of application.yaml. */
    public static ApplianceConfig from(Config root) {
        Config c = root.get("setkeeper");
        String source = c.get("demo.source").asString().orElse("");
        return new ApplianceConfig(
                c.get("production").asString().orElse("demo"),
                c.get("appliance").asString().orElse("cart-1"),
                Path.of(c.get("data-dir").asString().orElse("data")),
                new Http(c.get("http.host").asString().orElse("0.0.0.0"), c.get("http.port").asInt().orElse(8080)),
                new Offload(c.get("offload.algorithm").asString().orElse("xxh64"),
                        c.get("offload.buffer-kib").asInt().orElse(4096),
                        c.get("offload.workers").asInt().orElse(1),
                        c.get("offload.auto-destinations").asList(String.class).orElse(List.of()).stream()
                                .filter(d -> !d.isBlank()).map(Path::of).toList()),
                new Demo(c.get("demo.enabled").asBoolean().orElse(false),
                        source.isBlank() ? Optional.empty() : Optional.of(Path.of(source))),
                new Auth(c.get("auth.open-reads").asBoolean().orElse(true)),
                new Sync(c.get("sync.enabled").asBoolean().orElse(true),
                        c.get("sync.broker-uri").asString().orElse("tcp://127.0.0.1:1884"),
                        c.get("sync.tls.ca").asString().filter(s -> !s.isBlank()).map(ca ->
                                new io.setkeeper.appliance.outbox.mqtt.MqttTls(Path.of(ca),
                                        Path.of(c.get("sync.tls.keystore").asString().orElse("")),
                                        Path.of(c.get("sync.tls.keystore-password-file").asString().orElse(""))))),
                new Inference(c.get("inference.provider").asString().orElse("cpu").trim().toLowerCase(java.util.Locale.ROOT),
                        c.get("inference.intra-op-threads").asInt().orElse(1)));
    }

    private static void requireId(String key, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " must be 1-64 letters, digits, '-' or '_', was '" + value + "'");
        }
    }
}
