package io.setkeeper.protocol.codec;

/**
 * Thrown when bytes received from the broker are not a Setkeeper message: not JSON, a missing or mistyped field, an
 * invalid id, a truncated chunk frame. The message says which field and why; nothing else is affected.
 */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
