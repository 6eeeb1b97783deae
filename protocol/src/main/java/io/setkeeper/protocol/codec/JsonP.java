package io.setkeeper.protocol.codec;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: {@code jakarta.json.Json}'s static methods run a service-loader lookup on
 * every call, which cost milliseconds per message.
 */
final class JsonP {
    static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
