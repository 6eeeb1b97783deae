package io.setkeeper.appliance.inference;

/** A model file that must not be run: unregistered, unreadable, or its SHA-256 differs from the registered one. */
public final class ModelRejectedException extends RuntimeException {
    public ModelRejectedException(String message) {
        super(message);
    }

    public ModelRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
