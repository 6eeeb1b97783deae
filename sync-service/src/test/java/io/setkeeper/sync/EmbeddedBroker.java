package io.setkeeper.sync;

import io.setkeeper.sync.broker.BrokerHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The product's embedded broker ({@link BrokerHost}) on a free port, with the stop/up a fault test needs:
 * stopping drops every connection and the in-memory sessions, starting again reuses the port.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private BrokerHost host;

    private EmbeddedBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker whose config and data live under {@code dir}. */
    public static EmbeddedBroker start(Path dir) {
        EmbeddedBroker b = new EmbeddedBroker(dir, freePort());
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
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /** Starts the broker again on the same port. */
    public synchronized void up() {
        if (host == null) {
            host = BrokerHost.start("127.0.0.1", port, dir);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
