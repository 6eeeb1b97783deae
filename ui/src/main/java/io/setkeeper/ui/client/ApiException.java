package io.setkeeper.ui.client;

/**
 * A call to the appliance that did not work, with a message in plain words for the people on set (never a stack
 * trace). {@code status} is the HTTP status, or 0 when no answer came at all.
 */
public final class ApiException extends Exception {
    private final int status;

    public ApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** The HTTP status of the answer, 0 when the appliance did not answer. */
    public int status() {
        return status;
    }
}
