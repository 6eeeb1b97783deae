package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import io.setkeeper.appliance.plan.ScriptElement.Setting;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a scene heading into setting, location, time of day and scene number. Pure: text in, record out.
 * "INT. TRAINING ROOM - DAY #5#" gives INT, "TRAINING ROOM", "DAY", "5".
 */
public final class SceneHeadings {
    /** A heading prefix: INT, EXT, EST, INT./EXT., INT/EXT, EXT/INT, I/E, followed by '.' or a space. */
    private static final Pattern PREFIX = Pattern.compile(
            "^(INT\\.?\\s*/\\s*EXT|EXT\\.?\\s*/\\s*INT|INT\\s*\\.\\s*EXT|I\\s*/\\s*E|INT|EXT|EST)(\\.|\\s|$)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("(?:^|\\s)[-\u2013\u2014]+(?:\\s|$)");
    private static final Pattern NUMBER = Pattern.compile("\\s*#([\\w.\\-]+)#\\s*$");

    private SceneHeadings() {
    }

    /** True when the line starts like a scene heading (INT., EXT., EST., INT./EXT., I/E ...). */
    public static boolean looksLikeHeading(String line) {
        Matcher m = PREFIX.matcher(line.strip());
        if (!m.find()) {
            return false;
        }
        // "INT." with nothing after still counts (reported as missing a location by the parsers), but a word
        // like "Internal" does not: the prefix must be followed by '.', a space or the end of the line.
        return true;
    }

    /**
     * Parses a heading; {@code forced} headings (Fountain '.') keep their whole text as the location.
     * The number comes from a trailing {@code #...#}, or from {@code externalNumber} (Final Draft) when non-empty.
     */
    public static SceneHeading parse(int line, String raw, boolean forced, String externalNumber) {
        String text = raw.strip();
        Optional<String> number = Optional.empty();
        Matcher n = NUMBER.matcher(text);
        if (n.find()) {
            number = Optional.of(n.group(1));
            text = text.substring(0, n.start()).strip();
        }
        if (number.isEmpty() && externalNumber != null && !externalNumber.isBlank()) {
            number = Optional.of(externalNumber.strip());
        }
        Setting setting = Setting.NONE;
        String rest = text;
        Matcher m = PREFIX.matcher(text);
        if (m.find()) {
            setting = setting(m.group(1));
            rest = text.substring(m.end()).strip();
        }
        String location = rest;
        String time = "";
        int dash = lastSeparator(rest);
        if (dash >= 0) {
            location = rest.substring(0, dash).strip();
            time = rest.substring(dash).replaceFirst("^\\s*[-\u2013\u2014]+\\s*", "").strip();
        }
        return new SceneHeading(line, text, setting, location, time, number, forced);
    }

    private static Setting setting(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT).replaceAll("[\\s.]", "");
        return switch (p) {
            case "INT" -> Setting.INT;
            case "EXT", "EST" -> Setting.EXT;
            default -> Setting.INT_EXT; // INT/EXT, EXT/INT, INTEXT, I/E
        };
    }

    /** The start of the last " - " (or en/em dash) separator, or -1. */
    private static int lastSeparator(String s) {
        Matcher m = SEPARATOR.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }
}
