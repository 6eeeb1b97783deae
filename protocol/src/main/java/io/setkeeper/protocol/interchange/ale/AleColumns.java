package io.setkeeper.protocol.interchange.ale;

import java.util.List;
import java.util.Locale;

/** The ALE column names Setkeeper reads and writes itself; all others travel in {@link AleClip#other()}. */
public final class AleColumns {
    public static final String NAME = "Name";
    public static final String SCENE = "Scene";
    public static final String TAKE = "Take";
    public static final String CIRCLED = "Circled";
    public static final String ASC_SOP = "ASC_SOP";
    public static final String ASC_SAT = "ASC_SAT";

    /** Written first, in this order. */
    public static final List<String> KNOWN = List.of(NAME, SCENE, TAKE, CIRCLED, ASC_SOP, ASC_SAT);

    private AleColumns() {
    }

    /** True for a Circled value that marks a circled (printed) take: Y, Yes, True, 1, *. */
    public static boolean circled(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "*", "circled" -> true;
            default -> false;
        };
    }
}
