package io.setkeeper.appliance.outbox.mqtt;

/**
 * How the appliance connects to its broker.
 *
 * @param serverUri            e.g. {@code tcp://127.0.0.1:1883}
 * @param clientId             stable per appliance, so the broker keeps its session (receipts wait there)
 * @param sessionExpirySeconds how long the broker keeps the session while the box is away; must be > 0
 * @param keepAliveSeconds     MQTT keep-alive
 * @param connectTimeoutSeconds how long one connect attempt may take
 * @param tls                  TLS with a client certificate (an {@code ssl://} URI), or {@code null} for plain TCP
 */
public record MqttSettings(String serverUri, String clientId, long sessionExpirySeconds, int keepAliveSeconds,
                           int connectTimeoutSeconds, MqttTls tls) {
    public MqttSettings {
        if (serverUri == null || serverUri.isBlank()) {
            throw new IllegalArgumentException("serverUri is required");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (sessionExpirySeconds <= 0) {
            throw new IllegalArgumentException("session expiry must be > 0 or receipts sent while the box is "
                    + "offline are lost, got " + sessionExpirySeconds);
        }
    }

    /** Plain TCP. */
    public MqttSettings(String serverUri, String clientId, long sessionExpirySeconds, int keepAliveSeconds,
                        int connectTimeoutSeconds) {
        this(serverUri, clientId, sessionExpirySeconds, keepAliveSeconds, connectTimeoutSeconds, null);
    }

    /** The same settings with TLS ({@code null}: plain TCP). */
    public MqttSettings withTls(MqttTls t) {
        return new MqttSettings(serverUri, clientId, sessionExpirySeconds, keepAliveSeconds, connectTimeoutSeconds, t);
    }

    /** A week of session expiry, 30 s keep-alive, 10 s connect timeout. */
    public static MqttSettings of(String serverUri, String clientId) {
        return new MqttSettings(serverUri, clientId, 7 * 24 * 3600, 30, 10);
    }
}
