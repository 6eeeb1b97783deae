package io.setkeeper.appliance.model;

/** A model version that must not be used: missing files, a bad signature or a file whose hash does not match. */
public final class VersionRejectedException extends RuntimeException {
    public VersionRejectedException(String message) {
        super(message);
    }

    public VersionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
