package io.setkeeper.sync;

import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.topics.TopicScheme;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare appliance stand-in for sync-service tests (the sync-service may not depend on the appliance module):
 * publishes envelopes, or raw bytes, with QoS 1 and collects the receipts that come back.
 */
final class TestAppliance implements AutoCloseable {
    final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
    private final JsonCodec codec = new JsonCodec();
    private final TopicScheme scheme;
    private final MqttAsyncClient client;

    TestAppliance(String uri, TopicScheme scheme, String clientId, String production, String appliance)
            throws MqttException {
        this.scheme = scheme;
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback((OnMessage) (topic, message) -> {
            if (codec.decode(message.getPayload()).body() instanceof DeliveryReceipt r) {
                receipts.add(r);
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(600L);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription(scheme.receipts(production, appliance), 1)).waitForCompletion(10_000);
    }

    void send(Envelope e) throws MqttException {
        send(scheme.topicFor(e), codec.encode(e));
    }

    void send(String topic, byte[] payload) throws MqttException {
        for (int attempt = 0; ; attempt++) {
            try {
                client.publish(topic, payload, 1, false).waitForCompletion(10_000);
                return;
            } catch (MqttException ex) {
                if (ex.getReasonCode() != 32202 || attempt > 1000) {
                    throw ex;
                }
            }
        }
    }

    long count(String messageId, DeliveryReceipt.Status status) {
        return receipts.stream().filter(r -> r.receivedMessageId().equals(messageId) && r.status() == status)
                .count();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(3000);
        }
        client.close(true);
    }
}
