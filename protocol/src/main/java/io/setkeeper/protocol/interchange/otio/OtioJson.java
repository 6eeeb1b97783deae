package io.setkeeper.protocol.interchange.otio;

import io.setkeeper.protocol.interchange.InterchangeException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes OpenTimelineIO JSON ({@code .otio}). Writes {@code Timeline.1}, {@code Stack.1},
 * {@code Track.1}, {@code Clip.1} with {@code ExternalReference.1} (or {@code MissingReference.1}),
 * {@code Gap.1}, {@code Transition.1}, {@code Marker.2}, {@code TimeRange.1}, {@code RationalTime.1}, every object
 * with its {@code OTIO_SCHEMA}. Reads those and {@code Clip.2} (media_references by key), {@code Marker.3}
 * (Color.1 colours); other items in a track are kept as {@link OtioItem.Other}.
 */
public final class OtioJson {
    private OtioJson() {
    }

    /** Reads a .otio file. */
    public static OtioTimeline read(Path file) {
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new InterchangeException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads OTIO JSON text; {@code source} names it in error messages. */
    public static OtioTimeline parse(String json, String source) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InterchangeException(source + ": not a JSON object: " + e.getMessage(), e);
        }
        String schema = schema(root);
        if (!schema.startsWith("Timeline.")) {
            throw new InterchangeException(source + ": not an OTIO timeline: OTIO_SCHEMA is '" + schema + "'");
        }
        try {
            List<OtioTimeline.Track> tracks = new ArrayList<>();
            JsonObject stack = object(root, "tracks");
            if (stack != null) {
                for (JsonValue child : array(stack, "children")) {
                    JsonObject o = child.asJsonObject();
                    if (schema(o).startsWith("Track.")) {
                        tracks.add(track(o));
                    }
                }
            }
            return new OtioTimeline(string(root, "name"), metadata(root), tracks);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new InterchangeException(source + ": malformed OTIO timeline: " + e.getMessage(), e);
        }
    }

    private static OtioTimeline.Track track(JsonObject o) {
        List<OtioItem> items = new ArrayList<>();
        for (JsonValue child : array(o, "children")) {
            items.add(item(child.asJsonObject()));
        }
        return new OtioTimeline.Track(string(o, "name"), string(o, "kind"), items);
    }

    private static OtioItem item(JsonObject o) {
        String schema = schema(o);
        String name = string(o, "name");
        if (schema.startsWith("Clip.")) {
            List<OtioItem.Marker> markers = new ArrayList<>();
            for (JsonValue m : array(o, "markers")) {
                JsonObject mo = m.asJsonObject();
                markers.add(new OtioItem.Marker(string(mo, "name"), color(mo.get("color")), range(mo, "marked_range")));
            }
            return new OtioItem.Clip(name, range(o, "source_range"), target(o), metadata(o), markers);
        }
        if (schema.startsWith("Gap.")) {
            Optional<TimeRange> range = range(o, "source_range");
            return range.<OtioItem>map(r -> new OtioItem.Gap(name, r)).orElse(new OtioItem.Other(schema, name));
        }
        if (schema.startsWith("Transition.")) {
            return new OtioItem.Transition(name, string(o, "transition_type"), time(object(o, "in_offset")),
                    time(object(o, "out_offset")));
        }
        return new OtioItem.Other(schema, name);
    }

    private static Optional<String> target(JsonObject clip) {
        JsonObject ref = object(clip, "media_reference");
        JsonObject refs = object(clip, "media_references");
        if (ref == null && refs != null) {
            String key = string(clip, "active_media_reference_key");
            ref = object(refs, key.isEmpty() ? "DEFAULT_MEDIA" : key);
        }
        if (ref == null || !schema(ref).startsWith("ExternalReference.")) {
            return Optional.empty();
        }
        return Optional.of(string(ref, "target_url")).filter(s -> !s.isEmpty());
    }

    private static String color(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonObject o) {
            return string(o, "name");
        }
        return "";
    }

    private static Optional<TimeRange> range(JsonObject o, String key) {
        JsonObject r = object(o, key);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new TimeRange(time(object(r, "start_time")), time(object(r, "duration"))));
    }

    private static RationalTime time(JsonObject o) {
        if (o == null) {
            throw new IllegalArgumentException("a RationalTime is missing");
        }
        return new RationalTime(((JsonNumber) o.get("value")).doubleValue(), ((JsonNumber) o.get("rate")).doubleValue());
    }

    private static String schema(JsonObject o) {
        return string(o, "OTIO_SCHEMA");
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : "";
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonObject obj ? obj : null;
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static JsonObject metadata(JsonObject o) {
        JsonObject m = object(o, "metadata");
        return m == null ? JsonValue.EMPTY_JSON_OBJECT : m;
    }

    /** The timeline as pretty-printed OTIO JSON. */
    public static String write(OtioTimeline timeline) {
        JsonArrayBuilder tracks = Json.createArrayBuilder();
        for (OtioTimeline.Track track : timeline.tracks()) {
            JsonArrayBuilder children = Json.createArrayBuilder();
            for (OtioItem item : track.items()) {
                children.add(item(item));
            }
            tracks.add(composable("Track.1", track.name(), JsonValue.EMPTY_JSON_OBJECT).add("kind", track.kind())
                    .add("source_range", JsonValue.NULL).add("children", children));
        }
        JsonObject stack = composable("Stack.1", "tracks", JsonValue.EMPTY_JSON_OBJECT)
                .add("source_range", JsonValue.NULL).add("children", tracks).build();
        JsonObject root = Json.createObjectBuilder().add("OTIO_SCHEMA", "Timeline.1").add("name", timeline.name())
                .add("metadata", timeline.metadata()).add("global_start_time", JsonValue.NULL).add("tracks", stack)
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(root);
        }
        return out.toString().strip() + "\n";
    }

    private static JsonObjectBuilder composable(String schema, String name, JsonObject metadata) {
        return Json.createObjectBuilder().add("OTIO_SCHEMA", schema).add("name", name).add("metadata", metadata)
                .add("effects", JsonValue.EMPTY_JSON_ARRAY).add("markers", JsonValue.EMPTY_JSON_ARRAY)
                .add("enabled", true);
    }

    private static JsonObject item(OtioItem item) {
        return switch (item) {
            case OtioItem.Clip c -> {
                JsonArrayBuilder markers = Json.createArrayBuilder();
                for (OtioItem.Marker m : c.markers()) {
                    JsonObjectBuilder mb = Json.createObjectBuilder().add("OTIO_SCHEMA", "Marker.2")
                            .add("name", m.name()).add("metadata", JsonValue.EMPTY_JSON_OBJECT)
                            .add("color", m.color());
                    mb.add("marked_range", m.markedRange().<JsonValue>map(OtioJson::range).orElse(JsonValue.NULL));
                    markers.add(mb);
                }
                JsonObject reference = c.targetUrl().map(url -> Json.createObjectBuilder()
                        .add("OTIO_SCHEMA", "ExternalReference.1").add("name", "").add("target_url", url)
                        .add("available_range", JsonValue.NULL).add("metadata", JsonValue.EMPTY_JSON_OBJECT).build())
                        .orElse(Json.createObjectBuilder().add("OTIO_SCHEMA", "MissingReference.1").add("name", "")
                                .add("available_range", JsonValue.NULL).add("metadata", JsonValue.EMPTY_JSON_OBJECT)
                                .build());
                yield composable("Clip.1", c.name(), c.metadata()).add("markers", markers)
                        .add("source_range", c.sourceRange().<JsonValue>map(OtioJson::range).orElse(JsonValue.NULL))
                        .add("media_reference", reference).build();
            }
            case OtioItem.Gap g -> composable("Gap.1", g.name(), JsonValue.EMPTY_JSON_OBJECT)
                    .add("source_range", range(g.sourceRange())).build();
            case OtioItem.Transition t -> Json.createObjectBuilder().add("OTIO_SCHEMA", "Transition.1")
                    .add("name", t.name()).add("metadata", JsonValue.EMPTY_JSON_OBJECT)
                    .add("transition_type", t.transitionType()).add("parameters", JsonValue.EMPTY_JSON_OBJECT)
                    .add("in_offset", time(t.inOffset())).add("out_offset", time(t.outOffset())).build();
            case OtioItem.Other o -> throw new InterchangeException("cannot write an item of schema " + o.schema()
                    + " ('" + o.name() + "'): only clips, gaps and transitions are written");
        };
    }

    private static JsonObject range(TimeRange r) {
        return Json.createObjectBuilder().add("OTIO_SCHEMA", "TimeRange.1").add("start_time", time(r.startTime()))
                .add("duration", time(r.duration())).build();
    }

    private static JsonObject time(RationalTime t) {
        if (t == null) {
            throw new InterchangeException("a transition needs in and out offsets");
        }
        return Json.createObjectBuilder().add("OTIO_SCHEMA", "RationalTime.1").add("rate", t.rate())
                .add("value", t.value()).build();
    }
}
