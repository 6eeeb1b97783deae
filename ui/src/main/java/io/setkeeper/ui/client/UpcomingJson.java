package io.setkeeper.ui.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the flags and coverage answers, whose APIs are being built (issue 8's shapes): tolerant, alternative names
 * accepted, absent fields empty, a clip or evidence given as an object read by its id / path.
 */
public final class UpcomingJson {
    private UpcomingJson() {
    }

    /** The flags of an answer: an array of flags, or an object with {@code flags}. */
    public static List<FlagInfo> flags(String json) {
        jakarta.json.JsonStructure j = Wire.parse(json);
        List<JsonValue> items = j instanceof JsonArray a ? a
                : j.asJsonObject().get("flags") instanceof JsonArray a2 ? a2 : List.of();
        return items.stream().filter(v -> v instanceof JsonObject).map(v -> flag(v.asJsonObject())).toList();
    }

    /** The flag an event's data carries (the flag itself, or an object with {@code flag}). */
    public static FlagInfo flagEvent(String json) {
        JsonObject o = Wire.parse(json).asJsonObject();
        return flag(Wire.object(o, "flag").orElse(o));
    }

    /** The coverage board of an answer. */
    public static CoverageBoard coverage(String json) {
        return coverage(Wire.parse(json).asJsonObject());
    }

    static FlagInfo flag(JsonObject o) {
        Map<String, String> numbers = Wire.object(o, "numbers").or(() -> Wire.object(o, "metrics")).map(Flat::of)
                .orElse(Map.of());
        return new FlagInfo(first(o, "id").orElse("?"), first(o, "kind", "type").orElse("?"), first(o, "scene"),
                names(o, "clips"), numbers, names(o, "evidence", "stills"),
                first(o, "state", "status").orElse("OPEN"), first(o, "message", "summary", "reason"));
    }

    static CoverageBoard coverage(JsonObject o) {
        List<CoverageBoard.Scene> scenes = new ArrayList<>();
        for (JsonObject s : objects(o, "scenes")) {
            List<CoverageBoard.Setup> setups = new ArrayList<>();
            for (JsonObject u : objects(s, "setups")) {
                setups.add(new CoverageBoard.Setup(first(u, "setup", "id", "name").orElse("?"),
                        first(u, "state", "status").orElse("MISSING").toUpperCase(java.util.Locale.ROOT),
                        names(u, "takes"), names(u, "evidence", "clips")));
            }
            scenes.add(new CoverageBoard.Scene(first(s, "scene", "id", "name").orElse("?"), setups));
        }
        List<CoverageBoard.CharacterRow> characters = new ArrayList<>();
        for (JsonObject c : objects(o, "characters")) {
            List<String> states = new ArrayList<>();
            JsonValue sizes = c.get("shotSizes");
            if (sizes instanceof JsonObject m) {
                for (String size : names(o, "shotSizes")) {
                    states.add(m.get(size) instanceof JsonString js ? js.getString().toUpperCase(java.util.Locale.ROOT)
                            : "MISSING");
                }
            } else {
                names(c, "states", "shotSizes").forEach(x -> states.add(x.toUpperCase(java.util.Locale.ROOT)));
            }
            characters.add(new CoverageBoard.CharacterRow(first(c, "character", "name").orElse("?"), states));
        }
        List<String> wrap = new ArrayList<>();
        for (JsonValue v : array(o, "beforeWrap")) {
            wrap.add(v instanceof JsonObject w ? first(w, "text", "message", "item").orElse(w.toString())
                    : Flat.text(v));
        }
        return new CoverageBoard(scenes, names(o, "shotSizes"), characters, wrap);
    }

    private static Optional<String> first(JsonObject o, String... keys) {
        for (String k : keys) {
            JsonValue v = o.get(k);
            if (v != null && v != JsonValue.NULL && !(v instanceof JsonObject) && !(v instanceof JsonArray)) {
                return Optional.of(Flat.text(v));
            }
        }
        return Optional.empty();
    }

    /** An array of strings, numbers or objects (read by id / clip / path / name). */
    private static List<String> names(JsonObject o, String... keys) {
        for (String k : keys) {
            if (o.get(k) instanceof JsonArray a) {
                List<String> out = new ArrayList<>();
                for (JsonValue v : a) {
                    out.add(v instanceof JsonObject x ? first(x, "path", "still", "clip", "id", "name", "fileName")
                            .orElse(x.toString()) : Flat.text(v));
                }
                return out;
            }
        }
        return List.of();
    }

    private static List<JsonValue> array(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray a ? a : List.of();
    }

    private static List<JsonObject> objects(JsonObject o, String key) {
        return array(o, key).stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }
}
