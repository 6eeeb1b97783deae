package io.setkeeper.ui.client;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Reads the appliance's flag JSON (schema {@code setkeeper.flag}); unknown fields are ignored, absent ones empty. */
public final class FlagJson {
    private FlagJson() {
    }

    /** The flags of {@code GET /api/flags} (an array). */
    public static List<FlagInfo> flags(String json) {
        return Wire.parse(json).asJsonArray().stream().filter(v -> v instanceof JsonObject)
                .map(v -> flag(v.asJsonObject())).toList();
    }

    /** One flag: {@code GET /api/flags/{id}} or an event's data. */
    public static FlagInfo flag(String json) {
        return flag(Wire.parse(json).asJsonObject());
    }

    static FlagInfo flag(JsonObject o) {
        Map<String, String> numbers = Wire.object(o, "numbers").map(Flat::of).orElse(Map.of());
        return new FlagInfo(Wire.text(o, "id").orElse("?"), Wire.text(o, "kind").orElse("?"),
                Wire.text(o, "state").orElse("OPEN"), Wire.text(o, "scene"), Wire.text(o, "setup"),
                Wire.strings(o, "clips"), Wire.text(o, "subject"), Wire.text(o, "summary").orElse(""), numbers,
                Wire.strings(o, "evidence"), Wire.object(o, "decision").map(d -> new FlagInfo.Decision(
                        Wire.text(d, "decision").orElse("?"), Wire.text(d, "decidedBy").orElse("?"),
                        Wire.text(d, "role").orElse("?"), Wire.text(d, "reason").orElse(""))));
    }
}
