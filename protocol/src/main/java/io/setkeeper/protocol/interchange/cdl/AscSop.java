package io.setkeeper.protocol.interchange.cdl;

import io.setkeeper.protocol.interchange.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line CDL text that ALE columns and EDL comments carry: {@code ASC_SOP} as
 * {@code (slope r g b)(offset r g b)(power r g b)} and {@code ASC_SAT} as one number.
 */
public final class AscSop {
    private static final Pattern GROUP = Pattern.compile("\\(([^()]*)\\)");

    private AscSop() {
    }

    /** Slope, offset and power of an ASC_SOP text, in that order; refuses anything but three groups of three. */
    public static Rgb[] parse(String text) {
        Matcher m = GROUP.matcher(text);
        List<Rgb> groups = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).isBlank()) {
                throw new IllegalArgumentException("ASC_SOP has text outside its groups: '" + text.trim() + "'");
            }
            end = m.end();
            String[] parts = m.group(1).trim().split("[\\s,]+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("ASC_SOP group needs 3 numbers: '(" + m.group(1) + ")'");
            }
            try {
                groups.add(new Rgb(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ASC_SOP group is not numeric: '(" + m.group(1) + ")'", e);
            }
        }
        if (groups.size() != 3 || !text.substring(end).isBlank()) {
            throw new IllegalArgumentException("ASC_SOP needs (slope)(offset)(power), got '" + text.trim() + "'");
        }
        return groups.toArray(Rgb[]::new);
    }

    /** A CDL from ASC_SOP and ASC_SAT texts; a blank saturation means 1. Range checks as {@link Cdl}. */
    public static Cdl cdl(String id, String sop, String sat) {
        Rgb[] v = parse(sop);
        double saturation = 1;
        if (sat != null && !sat.isBlank()) {
            try {
                saturation = Double.parseDouble(sat.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ASC_SAT is not a number: '" + sat.trim() + "'", e);
            }
        }
        return Cdl.of(id, v[0], v[1], v[2], saturation);
    }

    /** {@code (1.1 1.2 1.3)(0 0 0)(1 1 1)}. */
    public static String format(Cdl cdl) {
        return "(" + CdlXml.triple(cdl.slope()) + ")(" + CdlXml.triple(cdl.offset()) + ")("
                + CdlXml.triple(cdl.power()) + ")";
    }

    /** The saturation as ASC_SAT writes it. */
    public static String formatSat(Cdl cdl) {
        return Numbers.plain(cdl.saturation());
    }
}
