package io.setkeeper.appliance.outbox.mqtt;

import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.topics.TopicScheme;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal post side for appliance tests (the real one is the sync-service module, which the appliance may not
 * depend on): subscribes to everything under a scheme with a persistent session, keeps each message once by id,
 * counts repeats and answers each message with a STORED or DUPLICATE receipt.
 */
public final class PostProbe implements AutoCloseable {
    public final Map<String, Envelope> received = new ConcurrentHashMap<>();
    public final Map<Integer, byte[]> chunks = new ConcurrentHashMap<>();
    public final AtomicInteger repeats = new AtomicInteger();
    private final JsonCodec codec = new JsonCodec();
    private final TopicScheme scheme;
    private final String uri;
    private final String clientId;
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor();
    private volatile boolean answer = true;
    private MqttAsyncClient client;

    public PostProbe(String uri, TopicScheme scheme, String clientId) {
        this.uri = uri;
        this.scheme = scheme;
        this.clientId = clientId;
    }

    /** Connects (resuming the session if the broker still has it) and subscribes. */
    public PostProbe connect() throws MqttException {
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback((OnMessage) (topic, message) -> onMessage(message.getPayload()));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription(scheme.allAppliances(), 1)).waitForCompletion(10_000);
        return this;
    }

    /** While false, messages are recorded but no receipt is sent (simulates a post side that crashes). */
    public void answer(boolean on) {
        answer = on;
    }

    private void onMessage(byte[] payload) throws MqttException {
        Envelope e = codec.decode(payload);
        if (e.body() instanceof DeliveryReceipt) {
            return;
        }
        boolean first = received.putIfAbsent(e.messageId(), e) == null;
        if (!first) {
            repeats.incrementAndGet();
        }
        if (e.body() instanceof ArtefactChunk c) {
            chunks.putIfAbsent(c.index(), c.data());
        }
        if (answer) {
            var receipt = Envelope.of(new DeliveryReceipt(e.messageId(),
                    first ? DeliveryReceipt.Status.STORED : DeliveryReceipt.Status.DUPLICATE, ""),
                    e.production(), e.appliance(), Instant.now(), e.messageId());
            // never block Paho's callback thread: it also completes our own publishes
            sender.execute(() -> {
                try {
                    publish(scheme.receipts(e.production(), e.appliance()), codec.encode(receipt));
                } catch (MqttException ex) {
                    System.err.println("probe could not send a receipt: " + ex);
                }
            });
        }
    }

    private void publish(String topic, byte[] payload) throws MqttException {
        for (int attempt = 0; ; attempt++) {
            try {
                client.publish(topic, payload, 1, false);
                return;
            } catch (MqttException ex) {
                if (ex.getReasonCode() != 32202 || attempt > 2000) {
                    throw ex;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(3000);
            }
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // nothing left to do
        }
    }
}
