package io.setkeeper.protocol.interchange;

/**
 * A whole interchange document could not be read or written (not XML, wrong root element, an unsupported format,
 * a value out of range). The message says which document and why; line-level problems of EDL and ALE files are
 * reported as {@link LineIssue}s instead.
 */
public class InterchangeException extends RuntimeException {
    public InterchangeException(String message) {
        super(message);
    }

    public InterchangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
