package io.setkeeper.appliance.outbox.mqtt;

import io.setkeeper.appliance.outbox.Transport;
import io.setkeeper.appliance.outbox.TransportException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import javax.net.SocketFactory;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The outbox's MQTT 5 transport over Paho. Each connect builds a fresh client with in-memory Paho state (the outbox
 * table, not Paho, is what survives), a session that outlives the connection ({@code cleanStart=false}, session
 * expiry > 0) and the message callback set before connecting, so receipts the broker queued while the box was away
 * are delivered (paho issue 1048). A publish refused because too many are in flight (reason code 32202) is retried
 * briefly. Every client is closed: Paho's threads are not daemons.
 */
public final class MqttTransport implements Transport {
    private static final Logger LOG = Logger.getLogger(MqttTransport.class.getName());
    private static final int MAX_INFLIGHT_RETRIES = 400;

    /** Small messages (an approval) must not wait for Nagle's algorithm and a delayed ACK (~40 ms). */
    private static final SocketFactory NO_DELAY = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }
    };

    private final MqttSettings settings;
    private volatile MqttAsyncClient client;

    public MqttTransport(MqttSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void connect(String receiptTopic, Consumer<byte[]> onMessage) throws TransportException {
        disconnect();
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new TransportException("bad broker address " + settings.serverUri() + ": " + e.getMessage(), e);
        }
        c.setCallback(new Callback(onMessage));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectTimeoutSeconds());
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(64);
        options.setSocketFactory(settings.tls() != null ? settings.tls().socketFactory() : NO_DELAY);
        long timeoutMs = settings.connectTimeoutSeconds() * 1000L;
        try {
            c.connect(options).waitForCompletion(timeoutMs);
            c.subscribe(new MqttSubscription(receiptTopic, 1)).waitForCompletion(timeoutMs);
            client = c;
        } catch (MqttException e) {
            closeQuietly(c);
            throw new TransportException("cannot connect to " + settings.serverUri() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (c == null) {
            done.completeExceptionally(new IllegalStateException("not connected"));
            return done;
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retain);
        for (int attempt = 0; ; attempt++) {
            try {
                c.publish(topic, message, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        int[] codes = token.getReasonCodes();
                        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                            done.completeExceptionally(new IllegalStateException("broker refused publish to "
                                    + topic + " with reason code 0x" + Integer.toHexString(codes[0])));
                        } else {
                            done.complete(null);
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable cause) {
                        done.completeExceptionally(cause);
                    }
                });
                return done;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT && attempt < MAX_INFLIGHT_RETRIES) {
                    pause();
                    continue;
                }
                done.completeExceptionally(e);
                return done;
            }
        }
    }

    @Override
    public synchronized void disconnect() {
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            closeQuietly(c);
        }
    }

    /**
     * Drops the connection at once without a DISCONNECT packet and without waiting for in-flight publishes, as a
     * network cut would (for fault tests and the benchmark). The publisher reconnects and sends what was not
     * acknowledged again.
     */
    public synchronized void sever() {
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                c.disconnectForcibly(0, 0, false);
            } catch (MqttException ignored) {
                // it is a cut
            }
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // it is a cut
            }
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            if (c.isConnected()) {
                c.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            try {
                c.disconnectForcibly(0, 1000, false);
            } catch (MqttException ignored) {
                // the connection is gone either way
            }
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.fine(() -> "closing MQTT client: " + e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Callback implements MqttCallback {
        private final Consumer<byte[]> onMessage;

        Callback(Consumer<byte[]> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onMessage.accept(message.getPayload());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.info(() -> "MQTT connection lost: " + response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warning(() -> "MQTT error: " + exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // completion is handled per publish
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // connect is synchronous here
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
