package io.setkeeper.ui.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flattens a JSON object into "label → value" lines for the screens' number tables: nested keys joined with a dot,
 * arrays of plain values joined with ", ", numbers with at most three decimals. Pure.
 */
final class Flat {
    private Flat() {
    }

    static Map<String, String> of(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        add(out, "", o);
        return out;
    }

    private static void add(Map<String, String> out, String prefix, JsonValue v) {
        if (v instanceof JsonObject o) {
            o.forEach((k, x) -> add(out, prefix.isEmpty() ? k : prefix + "." + k, x));
        } else if (v instanceof JsonArray a && a.stream().noneMatch(x -> x instanceof JsonObject)) {
            out.put(prefix, a.stream().map(Flat::text).collect(Collectors.joining(", ")));
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                add(out, prefix + "[" + i + "]", a.get(i));
            }
        } else if (v != null && v != JsonValue.NULL) {
            out.put(prefix, text(v));
        }
    }

    static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            if (n.isIntegral()) {
                return Long.toString(n.longValue());
            }
            String s = String.format(Locale.ROOT, "%.3f", n.doubleValue());
            return s.replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        return v.toString();
    }
}
