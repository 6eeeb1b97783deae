package io.setkeeper.protocol.timecode;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The wire form of a {@link Timecode}: {@code {"label":"12:39:59:00","frame":1094376,"rate":"24000/1001"}}.
 * {@code frame} and {@code rate} are the truth; {@code label} is for people reading the payload and, when present,
 * must agree with them. Drop-frame rates are written as {@code "30000/1001 DF"}.
 */
public final class TimecodeJson {

    private TimecodeJson() {
    }

    public static JsonObject toJson(Timecode tc) {
        return Json.createObjectBuilder()
                .add("label", tc.format())
                .add("frame", tc.frame())
                .add("rate", tc.rate().toString())
                .build();
    }

    /** @throws IllegalArgumentException when a field is missing, of the wrong type, or the label disagrees */
    public static Timecode fromJson(JsonObject json) {
        JsonValue frame = json.get("frame");
        JsonValue rate = json.get("rate");
        if (!(frame instanceof JsonNumber n) || !n.isIntegral()) {
            throw new IllegalArgumentException("timecode needs an integral 'frame': " + json);
        }
        if (!(rate instanceof JsonString r)) {
            throw new IllegalArgumentException("timecode needs a 'rate' string: " + json);
        }
        Timecode tc = new Timecode(n.longValueExact(), FrameRate.parse(r.getString()));
        JsonValue label = json.get("label");
        if (label instanceof JsonString l && !l.getString().equals(tc.format())) {
            throw new IllegalArgumentException("label " + l.getString() + " disagrees with frame " + tc.frame() + " at "
                    + tc.rate() + " (" + tc.format() + ")");
        }
        return tc;
    }
}
