package io.setkeeper.appliance.store;

/** A database failure, with the SQL cause; callers report it, they do not retry blindly. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
