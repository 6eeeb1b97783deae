package io.setkeeper.sync.mqtt;

import io.setkeeper.sync.intake.Intake;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sync-service's MQTT 5 side (the only Paho user of the module): one persistent session per instance
 * ({@code cleanStart=false}, session expiry > 0, callback set before connecting so what the broker queued while the
 * instance was away is delivered: paho issue 1048), subscribed through a shared subscription so instances share the
 * work. Messages are handled one at a time on a worker thread, never on Paho's callback thread, and the receipts
 * are published from there.
 */
public final class MqttIntake implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MqttIntake.class.getName());

    /**
     * @param serverUri            broker, e.g. {@code tcp://127.0.0.1:1883}
     * @param clientId             stable per instance
     * @param subscription         the shared subscription, e.g. {@code $share/post/setkeeper/v1/+/+/#}
     * @param sessionExpirySeconds how long the broker queues for this instance while it is away (> 0)
     */
    public record Settings(String serverUri, String clientId, String subscription, long sessionExpirySeconds) {
        public Settings {
            if (sessionExpirySeconds <= 0) {
                throw new IllegalArgumentException("session expiry must be > 0, got " + sessionExpirySeconds);
            }
        }
    }

    private final Settings settings;
    private final Intake intake;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sync-intake");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private MqttAsyncClient client;

    public MqttIntake(Settings settings, Intake intake) {
        this.settings = settings;
        this.intake = intake;
    }

    /**
     * Connects (retrying automatically afterwards) and subscribes; returns once the broker has confirmed the
     * subscription, so nothing published after start is missed by this instance's first session.
     */
    public synchronized void start() throws MqttException {
        client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        client.setCallback(new Callback());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpirySeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setKeepAliveInterval(30);
        o.setReceiveMaximum(64);
        client.connect(o).waitForCompletion(15_000);
        client.subscribe(new MqttSubscription(settings.subscription(), 1)).waitForCompletion(15_000);
    }

    /** Messages handled since start, including the receipts that come back through the wildcard. */
    public long handled() {
        return handled.get();
    }

    /** Messages from appliances answered with at least one receipt since start. */
    public long answered() {
        return answered.get();
    }

    private void subscribe() {
        try {
            client.subscribe(new MqttSubscription(settings.subscription(), 1));
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "cannot subscribe to " + settings.subscription(), e);
        }
    }

    private void handle(String topic, byte[] payload) {
        try {
            List<Intake.Reply> replies = intake.handle(topic, payload);
            if (!replies.isEmpty()) {
                answered.incrementAndGet();
            }
            for (Intake.Reply reply : replies) {
                publish(reply.topic(), reply.payload());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failed to handle a message on " + topic, e);
        } finally {
            handled.incrementAndGet();
        }
    }

    private void publish(String topic, byte[] payload) {
        for (int attempt = 0; attempt < 5000; attempt++) {
            try {
                client.publish(topic, payload, 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                        && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                    LOG.warning(() -> "receipt not sent (the appliance will resend): " + e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(attempt < 100 ? 1 : 20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warning(() -> "receipt to " + topic + " not sent: broker busy or away; the appliance will resend");
    }

    /** Stops taking messages, finishes the ones queued and closes the client. */
    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1000, false);
            } catch (MqttException ignored) {
                // gone anyway
            }
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.fine(() -> "closing: " + e.getMessage());
        }
        client = null;
    }

    /** Kills the connection without a clean disconnect, as a crash would (for fault tests). */
    public synchronized void crash() {
        try {
            client.disconnectForcibly(0, 0, false);
            client.close(true);
        } catch (MqttException ignored) {
            // that is the point
        }
        worker.shutdownNow();
        client = null;
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            worker.execute(() -> handle(topic, payload));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                // a broker that lost our session (restart with in-memory state) needs the subscription again
                worker.execute(MqttIntake.this::subscribe);
            }
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
            // receipts are fire-and-forget at QoS 1: the appliance resends whatever stays unconfirmed
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
