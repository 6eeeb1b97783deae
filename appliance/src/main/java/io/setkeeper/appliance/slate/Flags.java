package io.setkeeper.appliance.slate;

import java.util.Locale;

/** Yes/no columns as loggers write them (Circled: Y, Yes, TRUE, 1, *, X; N, No, FALSE, 0, blank). */
final class Flags {

    private Flags() {
    }

    /** @throws IllegalArgumentException when the text is neither a yes nor a no */
    static boolean yes(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "T", "TRUE", "1", "*", "X", "CIRCLED", "CIRCLE" -> true;
            case "", "N", "NO", "F", "FALSE", "0", "-" -> false;
            default -> throw new IllegalArgumentException("not yes or no: '" + text + "'");
        };
    }
}
