package io.setkeeper.protocol.messages;

import java.util.Objects;

/** Small argument checks shared by the message records. */
final class Require {
    private Require() {
    }

    static String text(String value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static String sha256(String value, String name) {
        text(value, name);
        if (!value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits, got '" + value + "'");
        }
        return value;
    }
}
