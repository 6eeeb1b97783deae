package io.setkeeper.appliance.ingest.mhl;

import java.io.IOException;

/** A manifest or chain file that is not well-formed ASC MHL v2.0; the message says what and where. */
public final class MhlFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public MhlFormatException(String message) {
        super(message);
    }

    public MhlFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
