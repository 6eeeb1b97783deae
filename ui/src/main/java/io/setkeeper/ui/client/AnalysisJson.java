package io.setkeeper.ui.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads analysis answers (findings, analysis, the model's predictions) into the client's records. Pure. */
final class AnalysisJson {
    private AnalysisJson() {
    }

    static Finding finding(JsonObject o) {
        JsonObject ev = Wire.object(o, "evidence").orElse(JsonValue.EMPTY_JSON_OBJECT);
        List<Long> frames = new ArrayList<>();
        if (ev.get("frames") instanceof JsonArray a) {
            a.forEach(v -> {
                if (v instanceof JsonNumber n) {
                    frames.add(n.longValue());
                }
            });
        }
        Map<String, String> numbers = Wire.object(ev, "numbers").map(Flat::of).orElse(Map.of());
        return new Finding(Wire.longOf(o, "id").orElse(0L), Wire.longOf(o, "clip").orElse(0L),
                o.getString("type", "?"), o.getString("severity", ""), Wire.longOf(o, "startFrame").orElse(0L),
                Wire.longOf(o, "endFrame").orElse(0L), Wire.longOf(o, "startPtsMicros").orElse(0L),
                Wire.text(o, "startTimecode"), Wire.text(o, "endTimecode"),
                o.getString("message", ""), frames, numbers, Wire.text(o, "still"));
    }

    static ClipAnalysis analysis(JsonObject o) {
        JsonObject result = Wire.object(o, "result").orElse(JsonValue.EMPTY_JSON_OBJECT);
        return new ClipAnalysis(Wire.longOf(o, "clip").orElse(0L), o.getString("state", ""),
                Wire.longOf(o, "framesDone").orElse(0L), Wire.longOf(o, "framesTotal").orElse(0L),
                Wire.text(o, "error"), Wire.strings(result, "stills"),
                Wire.object(result, "perception").map(Flat::of).orElse(Map.of()));
    }

    static Prediction prediction(JsonObject o) {
        List<Prediction.Person> people = new ArrayList<>();
        if (o.get("people") instanceof JsonArray a) {
            for (JsonValue v : a) {
                JsonObject p = v.asJsonObject();
                people.add(new Prediction.Person(Wire.text(p, "character"), Wire.doubleOf(p, "confidence").orElse(0.0),
                        p.getString("source", "")));
            }
        }
        JsonObject s = Wire.object(o, "setup").orElse(JsonValue.EMPTY_JSON_OBJECT);
        return new Prediction(o.getString("clip", ""), people, Wire.text(s, "predicted"), Wire.text(s, "slate"),
                Wire.doubleOf(s, "confidence").orElse(0.0), Wire.text(s, "disagreement"));
    }
}
