package io.setkeeper.appliance.review;

/**
 * The machine's answer to "can post save this, or do we reshoot now?", with the reason (for example: the colour
 * difference after the CDL is still above the limit).
 */
public record Verdict(Kind kind, String reason) {
    /** The two answers. */
    public enum Kind { FIXABLE_IN_POST, RESHOOT_ADVISED }

    public Verdict {
        if (kind == null) {
            throw ReviewException.invalid("verdict must be FIXABLE_IN_POST or RESHOOT_ADVISED");
        }
        if (reason == null || reason.isBlank()) {
            throw ReviewException.invalid("a verdict needs a reason");
        }
    }
}
