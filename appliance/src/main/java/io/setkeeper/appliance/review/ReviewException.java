package io.setkeeper.appliance.review;

/**
 * A refused review action with the reason the caller sees; {@link #kind()} says which HTTP status the web layer
 * answers with.
 */
public final class ReviewException extends RuntimeException {
    /** Why it was refused. */
    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BROKEN_AUDIT }

    private final Kind kind;

    private ReviewException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ReviewException invalid(String m) {
        return new ReviewException(Kind.INVALID, m);
    }

    public static ReviewException unauthenticated(String m) {
        return new ReviewException(Kind.UNAUTHENTICATED, m);
    }

    public static ReviewException forbidden(String m) {
        return new ReviewException(Kind.FORBIDDEN, m);
    }

    public static ReviewException notFound(String m) {
        return new ReviewException(Kind.NOT_FOUND, m);
    }

    public static ReviewException conflict(String m) {
        return new ReviewException(Kind.CONFLICT, m);
    }

    public static ReviewException brokenAudit(String m) {
        return new ReviewException(Kind.BROKEN_AUDIT, m);
    }
}
