package io.setkeeper.protocol.codec;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of JSON fields that fail with a {@link MalformedMessageException} naming the field. */
final class Fields {
    private Fields() {
    }

    static JsonValue value(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new MalformedMessageException("field '" + name + "' is missing");
        }
        return v;
    }

    static String text(JsonObject o, String name) {
        JsonValue v = value(o, name);
        if (!(v instanceof JsonString s)) {
            throw new MalformedMessageException("field '" + name + "' must be a string, got " + v.getValueType());
        }
        return s.getString();
    }

    static String optText(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : text(o, name);
    }

    static long integer(JsonObject o, String name) {
        JsonValue v = value(o, name);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new MalformedMessageException("field '" + name + "' must be an integer, got " + v);
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedMessageException("field '" + name + "' is out of range: " + v, e);
        }
    }

    static int smallInt(JsonObject o, String name) {
        long v = integer(o, name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new MalformedMessageException("field '" + name + "' is out of range: " + v);
        }
        return (int) v;
    }

    static Instant instant(JsonObject o, String name) {
        String s = text(o, name);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("field '" + name + "' is not an ISO-8601 instant: '" + s + "'", e);
        }
    }

    static JsonObject object(JsonObject o, String name) {
        JsonValue v = value(o, name);
        if (!(v instanceof JsonObject obj)) {
            throw new MalformedMessageException("field '" + name + "' must be an object, got " + v.getValueType());
        }
        return obj;
    }

    static List<String> texts(JsonObject o, String name) {
        JsonValue v = value(o, name);
        if (!(v instanceof JsonArray a)) {
            throw new MalformedMessageException("field '" + name + "' must be an array, got " + v.getValueType());
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue item : a) {
            if (!(item instanceof JsonString s)) {
                throw new MalformedMessageException("field '" + name + "' must hold strings, got " + item);
            }
            out.add(s.getString());
        }
        return out;
    }

    static Map<String, Double> numbers(JsonObject o, String name) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : object(o, name).entrySet()) {
            if (!(e.getValue() instanceof JsonNumber n)) {
                throw new MalformedMessageException("field '" + name + "." + e.getKey() + "' must be a number");
            }
            out.put(e.getKey(), n.doubleValue());
        }
        return out;
    }

    static Map<String, String> strings(JsonObject o, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : object(o, name).entrySet()) {
            if (!(e.getValue() instanceof JsonString s)) {
                throw new MalformedMessageException("field '" + name + "." + e.getKey() + "' must be a string");
            }
            out.put(e.getKey(), s.getString());
        }
        return out;
    }
}
