package io.setkeeper.appliance.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shot sizes as shot lists and camera reports name them, from extreme wide to extreme close-up, plus the framings
 * that are not a point on that scale (insert, over-the-shoulder, two-shot).
 */
public enum ShotSize {
    /** Extreme wide / extreme long shot. */
    EWS,
    /** Wide / long shot. */
    WS,
    /** Full shot: the whole body. */
    FS,
    /** Medium wide, "cowboy" (mid-thigh up). */
    MWS,
    /** Medium shot (waist up). */
    MS,
    /** Medium close-up (chest up). */
    MCU,
    /** Close-up (face). */
    CU,
    /** Extreme close-up (eyes, hands). */
    ECU,
    /** An insert of an object or detail. */
    INSERT,
    /** Over the shoulder. */
    OTS,
    /** Two characters framed together. */
    TWO_SHOT;

    private static final Map<String, ShotSize> ALIASES = Map.ofEntries(
            Map.entry("EWS", EWS), Map.entry("XWS", EWS), Map.entry("ELS", EWS), Map.entry("XLS", EWS),
            Map.entry("EXTREME WIDE", EWS), Map.entry("EXTREME WIDE SHOT", EWS), Map.entry("EXTREME LONG SHOT", EWS),
            Map.entry("WS", WS), Map.entry("LS", WS), Map.entry("WIDE", WS), Map.entry("WIDE SHOT", WS),
            Map.entry("LONG SHOT", WS),
            Map.entry("FS", FS), Map.entry("FULL", FS), Map.entry("FULL SHOT", FS),
            Map.entry("MWS", MWS), Map.entry("MLS", MWS), Map.entry("COWBOY", MWS), Map.entry("MEDIUM WIDE", MWS),
            Map.entry("MEDIUM WIDE SHOT", MWS), Map.entry("MEDIUM LONG SHOT", MWS), Map.entry("AMERICAN", MWS),
            Map.entry("MS", MS), Map.entry("MID", MS), Map.entry("MEDIUM", MS), Map.entry("MEDIUM SHOT", MS),
            Map.entry("MID SHOT", MS),
            Map.entry("MCU", MCU), Map.entry("MEDIUM CLOSE UP", MCU),
            Map.entry("CU", CU), Map.entry("CLOSE UP", CU), Map.entry("CLOSEUP", CU),
            Map.entry("ECU", ECU), Map.entry("XCU", ECU), Map.entry("BCU", ECU), Map.entry("EXTREME CLOSE UP", ECU),
            Map.entry("INSERT", INSERT), Map.entry("INS", INSERT),
            Map.entry("OTS", OTS), Map.entry("OVER THE SHOULDER", OTS),
            Map.entry("2S", TWO_SHOT), Map.entry("TWO SHOT", TWO_SHOT), Map.entry("2 SHOT", TWO_SHOT));

    /** Reads a shot list's label ("MCU", "close-up", "Cowboy", "two-shot"); empty when unknown. */
    public static Optional<ShotSize> parse(String label) {
        String key = label.strip().toUpperCase(Locale.ROOT).replace(".", "").replaceAll("[-_]", " ").replaceAll("\\s+", " ");
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** The conventional label, e.g. "TWO-SHOT" for {@link #TWO_SHOT}. */
    public String label() {
        return this == TWO_SHOT ? "TWO-SHOT" : name();
    }
}
