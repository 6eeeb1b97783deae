package io.setkeeper.sync;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An embedded HiveMQ CE on a free local port with in-memory persistence; can be stopped and started again. */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    private EmbeddedBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker whose config and data live under {@code dir}. */
    public static EmbeddedBroker start(Path dir) {
        EmbeddedBroker b = new EmbeddedBroker(dir, freePort());
        b.writeConfig();
        b.up();
        return b;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker: every connection drops, in-memory sessions and queues are gone. */
    public synchronized void stop() {
        if (hivemq != null) {
            try {
                hivemq.stop().get(60, TimeUnit.SECONDS);
                hivemq.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop embedded HiveMQ: " + e, e);
            }
            hivemq = null;
        }
    }

    /** Starts the broker again on the same port. */
    public synchronized void up() {
        if (hivemq != null) {
            return;
        }
        hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data")).withExtensionsFolder(dir.resolve("extensions")).build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded HiveMQ on port " + port + ": " + e, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfig() {
        try {
            Files.createDirectories(dir.resolve("conf"));
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("extensions"));
            Files.writeString(dir.resolve("conf/config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
