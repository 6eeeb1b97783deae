package io.setkeeper.appliance.review;

/**
 * What a user may do. A VIEWER only reads; DIT, DIRECTOR and SUPERVISOR propose fixes and decide; an ADMIN manages
 * users and tokens but does not decide (the bootstrap admin token is not a person with a say on the picture).
 */
public enum Role {
    VIEWER, DIT, DIRECTOR, SUPERVISOR, ADMIN;

    /** True for the roles whose decisions the gate records. */
    public boolean canDecide() {
        return this == DIT || this == DIRECTOR || this == SUPERVISOR;
    }

    /** True for the roles that may propose a fix through the API (the machine proposes in-process). */
    public boolean canPropose() {
        return canDecide();
    }

    /** True for user and token management. */
    public boolean canAdminister() {
        return this == ADMIN;
    }

    /** Parses a role name (case-insensitive) with a clear error. */
    public static Role parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw ReviewException.invalid("role must be one of VIEWER, DIT, DIRECTOR, SUPERVISOR, ADMIN, was '" + s
                    + "'");
        }
    }
}
