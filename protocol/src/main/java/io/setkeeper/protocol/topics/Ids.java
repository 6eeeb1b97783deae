package io.setkeeper.protocol.topics;

import java.util.regex.Pattern;

/**
 * Validates the ids that become topic levels (production, appliance, artefact). An id is 1 to 64 characters of
 * letters, digits, '.', '_' and '-', starting with a letter or digit: never an MQTT wildcard ('+', '#'), a level
 * separator ('/'), a '$' system prefix, white space or a control character.
 */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {
    }

    /** True if {@code id} may be used as a topic level. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Returns {@code id} or throws an {@link IllegalArgumentException} naming the field and the problem. */
    public static String requireValid(String id, String what) {
        if (id == null) {
            throw new IllegalArgumentException(what + " id is required");
        }
        if (!isValid(id)) {
            String why = id.isEmpty() ? "it is empty"
                    : id.contains("+") || id.contains("#") ? "it contains an MQTT wildcard"
                    : id.contains("/") ? "it contains the topic separator '/'"
                    : id.length() > 64 ? "it is longer than 64 characters"
                    : "only letters, digits, '.', '_' and '-' are allowed, starting with a letter or digit";
            throw new IllegalArgumentException("invalid " + what + " id '" + id + "': " + why);
        }
        return id;
    }
}
