package io.setkeeper.ui.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/** Reads the appliance's coverage board JSON (docs/coverage.md); unknown fields are ignored, absent ones empty. */
public final class CoverageJson {
    private CoverageJson() {
    }

    public static CoverageBoard board(String json) {
        return board(Wire.parse(json).asJsonObject());
    }

    static CoverageBoard board(JsonObject o) {
        return new CoverageBoard(each(o, "scenes", CoverageJson::scene), Wire.strings(o, "singleSizes"),
                each(o, "beforeWrap", w -> new CoverageBoard.Wrap(Wire.text(w, "scene").orElse("?"),
                        Wire.strings(w, "items"))), Wire.strings(o, "unplaced"));
    }

    private static CoverageBoard.Scene scene(JsonObject s) {
        return new CoverageBoard.Scene(Wire.text(s, "scene").orElse("?"), Wire.text(s, "heading").orElse(""),
                Wire.text(s, "status").orElse("MISSING"), Wire.bool(s, "today").orElse(false),
                each(s, "setups", CoverageJson::setup), each(s, "unplanned", CoverageJson::setup),
                each(s, "characters", c -> new CoverageBoard.Character(Wire.text(c, "character").orElse("?"),
                        Wire.bool(c, "speaks").orElse(false), Wire.bool(c, "hasSingle").orElse(false),
                        Wire.strings(c, "sizes"))), Wire.strings(s, "beforeWrap"));
    }

    private static CoverageBoard.Setup setup(JsonObject u) {
        return new CoverageBoard.Setup(Wire.text(u, "setup").orElse("?"), Wire.text(u, "shotSize").orElse(""),
                Wire.text(u, "description").orElse(""), Wire.text(u, "status").orElse("UNPLANNED"),
                each(u, "takes", t -> new CoverageBoard.Take(t.get("take") == null || t.get("take") == JsonValue.NULL
                        ? "?" : Flat.text(t.get("take")), Wire.text(t, "clip").orElse("?"),
                        Wire.text(t, "status").orElse("?"), Wire.text(t, "caveat").orElse(""),
                        Wire.strings(t, "notes"), Wire.text(t, "still"))));
    }

    private static <T> List<T> each(JsonObject o, String key, Function<JsonObject, T> read) {
        return o.get(key) instanceof JsonArray a ? a.stream().filter(v -> v instanceof JsonObject)
                .map(v -> read.apply(v.asJsonObject())).toList() : List.of();
    }
}
