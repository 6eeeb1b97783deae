package io.setkeeper.sync.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.setkeeper.protocol.topics.TopicScheme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The embedded HiveMQ CE broker the sync-service hosts by default, so a laptop needs no separate broker: one TCP
 * listener, in-memory persistence (queued messages live as long as this process), no usage statistics. Its config,
 * data and extensions folders live under {@code dir}.
 */
public final class BrokerHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BrokerHost.class.getName());

    private final String host;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    private BrokerHost(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Starts a broker listening on {@code host:port}; fails with a clear message if the port is taken. */
    public static BrokerHost start(String host, int port, Path dir) {
        return start(host, port, dir, null, TopicScheme.DEFAULT);
    }

    /**
     * Starts a broker with, when {@code tls} is not null, a second listener for boxes: TLS with required client
     * certificates and the per-production topic ACL of {@link AclExtension}.
     */
    public static BrokerHost start(String host, int port, Path dir, BrokerTls tls, TopicScheme scheme) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("sync.broker.port must be 1-65535, was " + port);
        }
        writeConfig(dir, host, port, tls);
        BrokerHost b = new BrokerHost(host, port);
        var builder = EmbeddedHiveMQ.builder().withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data")).withExtensionsFolder(dir.resolve("extensions"));
        if (tls != null) {
            builder.withEmbeddedExtension(EmbeddedExtension.builder().withId("setkeeper-acl")
                    .withName("Setkeeper production ACL").withVersion("1").withPriority(1000).withStartPriority(1000)
                    .withAuthor("Setkeeper").withExtensionMain(new AclExtension(scheme)).build());
        }
        b.hivemq = builder.build();
        try {
            b.hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            b.close();
            throw new IllegalStateException("cannot start the embedded MQTT broker on " + host + ":" + port
                    + " (is the port taken?): " + e, e);
        }
        LOG.info(() -> "embedded HiveMQ CE broker on " + b.uri());
        return b;
    }

    /** The URI clients connect to. */
    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning(() -> "embedded broker did not stop cleanly: " + e);
        }
        try {
            hivemq.close();
        } catch (Exception e) {
            LOG.warning(() -> "embedded broker did not close cleanly: " + e);
        }
        hivemq = null;
    }

    private static String tlsListener(BrokerTls t) {
        return """
                <tls-tcp-listener><port>%d</port><bind-address>%s</bind-address><name>%s</name>
                  <tls>
                    <keystore><path>%s</path><password>%s</password><private-key-password>%s</private-key-password></keystore>
                    <truststore><path>%s</path><password>%s</password></truststore>
                    <client-authentication-mode>REQUIRED</client-authentication-mode>
                  </tls>
                </tls-tcp-listener>""".formatted(t.port(), xml(t.host()), AclExtension.TLS_LISTENER,
                xml(t.keystore().toAbsolutePath().toString()), xml(t.keystorePassword()), xml(t.keystorePassword()),
                xml(t.truststore().toAbsolutePath().toString()), xml(t.truststorePassword()));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void writeConfig(Path dir, String host, int port, BrokerTls tls) {
        try {
            Files.createDirectories(dir.resolve("conf"));
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("extensions"));
            Files.writeString(dir.resolve("conf/config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>%s</bind-address><name>local</name></tcp-listener>
                        %s
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port, host, tls == null ? "" : tlsListener(tls)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
