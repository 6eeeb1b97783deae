package io.setkeeper.appliance.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the publisher needs from a broker connection. The outbox table is the source of truth; a transport only
 * moves bytes and may lose its in-flight publishes on any disconnect (they are published again from the table).
 * Implementation: {@code outbox.mqtt.MqttTransport} (the only Paho user).
 */
public interface Transport extends AutoCloseable {

    /**
     * Opens a fresh connection (closing any previous one) and subscribes to {@code receiptTopic}; every payload that
     * arrives there is handed to {@code onMessage} (on a transport thread).
     */
    void connect(String receiptTopic, Consumer<byte[]> onMessage) throws TransportException;

    /** True while the current connection is up. */
    boolean isConnected();

    /** Publishes; the future completes when the broker acknowledged (QoS 1) or fails with the reason. */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain);

    /** Closes the connection and releases every thread; the transport may connect again afterwards. */
    void disconnect();

    @Override
    default void close() {
        disconnect();
    }
}
