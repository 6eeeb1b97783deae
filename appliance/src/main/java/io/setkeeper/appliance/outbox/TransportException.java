package io.setkeeper.appliance.outbox;

/** A broker could not be reached or refused us; the publisher backs off and tries again. */
public final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
