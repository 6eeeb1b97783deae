package io.setkeeper.sync.auth;

import java.util.Locale;

/** What a post token may do: a viewer reads everything of every production; an admin also manages tokens. */
public enum Role {
    VIEWER, ADMIN;

    /** The role named {@code s} ({@code viewer} or {@code admin}, any case). */
    public static Role parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("role must be 'viewer' or 'admin', was '" + s + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
