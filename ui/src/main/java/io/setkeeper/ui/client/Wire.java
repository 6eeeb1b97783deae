package io.setkeeper.ui.client;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the appliance's JSON (docs/api.md) into the client's records. Pure functions; absent fields are empty. */
final class Wire {
    private Wire() {
    }

    static JsonStructure parse(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.read();
        }
    }

    static Production production(JsonObject o) {
        return new Production(o.getString("id"), o.getString("name", o.getString("id")));
    }

    static CardInfo card(JsonObject o) {
        return new CardInfo(o.getString("id"), o.getString("label", ""), o.getInt("files", 0),
                longOf(o, "bytes").orElse(0L), longOf(o, "shootDay"));
    }

    static Progress progress(JsonObject o) {
        return new Progress(o.getString("job", ""), o.getString("phase", ""), o.getInt("filesDone", 0),
                o.getInt("filesTotal", 0), longOf(o, "bytesDone").orElse(0L), longOf(o, "bytesTotal").orElse(0L),
                doubleOf(o, "fraction").orElse(0.0), longOf(o, "bytesPerSecond").orElse(0L),
                o.getString("currentFile", ""),
                longOf(o, "etaSeconds").map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    static OffloadJob job(JsonObject o) {
        List<OffloadJob.Destination> dests = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("destinations")) {
            JsonObject d = v.asJsonObject();
            dests.add(new OffloadJob.Destination(d.getInt("index", dests.size()), d.getString("path"),
                    d.getString("state", ""), longOf(d, "mhlGeneration").map(Long::intValue), text(d, "error")));
        }
        return new OffloadJob(o.getString("id"), o.getString("production", ""), o.getString("cardLabel", ""),
                o.getString("source", ""), o.getString("algorithm", ""), o.getString("state"), dests,
                text(o, "error"), object(o, "progress").map(Wire::progress));
    }

    static OffloadReport report(JsonObject o) {
        JsonObject s = o.getJsonObject("summary");
        List<OffloadReport.FileLine> lines = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            lines.add(new OffloadReport.FileLine(f.getString("path"), longOf(f, "size").orElse(0L),
                    f.getString("state", ""), text(f, "sourceHash"), text(f, "error")));
        }
        return new OffloadReport(job(o.getJsonObject("job")), s.getInt("files"), s.getInt("verified"),
                s.getInt("failed"), longOf(s, "bytes").orElse(0L), lines);
    }

    static Clip clip(JsonObject o) {
        JsonObject s = object(o, "slate").orElse(JsonValue.EMPTY_JSON_OBJECT);
        Slate slate = new Slate(text(s, "scene"), text(s, "setup"), text(s, "take"), bool(s, "circled"),
                text(s, "camroll"), strings(s, "sources"), strings(s, "disagreements"));
        return new Clip(o.getJsonNumber("id").longValue(), o.getString("card", ""), o.getString("path", ""),
                o.getString("fileName", ""), o.getString("kind", ""), o.getString("status", ""), text(o, "error"),
                text(o, "camera"), text(o, "roll"), text(o, "startTimecode"), text(o, "fps"),
                longOf(o, "width").map(Long::intValue), longOf(o, "height").map(Long::intValue),
                doubleOf(o, "durationSeconds"), slate);
    }

    static ClipDetail clipDetail(JsonObject o) {
        JsonObject p = object(o, "probe").orElse(JsonValue.EMPTY_JSON_OBJECT);
        Optional<JsonObject> tc = object(p, "startTimecode");
        Optional<ClipDetail.Video> video = object(p, "video").map(v -> new ClipDetail.Video(v.getString("codec", ""),
                v.getInt("width", 0), v.getInt("height", 0), v.getString("pixelFormat", ""), v.getInt("bitDepth", 0),
                v.getString("transferName", v.getString("transfer", "")), longOf(v, "frameCount").orElse(0L),
                text(v, "frameRate")));
        List<String> audio = new ArrayList<>();
        if (p.get("audio") instanceof jakarta.json.JsonArray arr) {
            for (JsonValue v : arr) {
                JsonObject a = v.asJsonObject();
                audio.add(a.getString("codec", "?") + ", " + a.getInt("channels", 0) + " ch, "
                        + a.getInt("sampleRate", 0) + " Hz");
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        object(p, "cameraTags").ifPresent(t -> t.forEach((k, v) -> tags.put(k, v instanceof JsonString js
                ? js.getString() : v.toString())));
        return new ClipDetail(clip(o), text(p, "container"), longOf(p, "sizeBytes"),
                tc.flatMap(t -> text(t, "source")), tc.flatMap(t -> bool(t, "dropFrame")), video, audio, tags);
    }

    static Optional<String> text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject j ? Optional.of(j) : Optional.empty();
    }

    static Optional<Long> longOf(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? Optional.of(n.longValue()) : Optional.empty();
    }

    static Optional<Double> doubleOf(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    static Optional<Boolean> bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == JsonValue.TRUE ? Optional.of(true) : v == JsonValue.FALSE ? Optional.of(false) : Optional.empty();
    }

    static List<String> strings(JsonObject o, String key) {
        return o.get(key) instanceof jakarta.json.JsonArray a
                ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
    }
}
