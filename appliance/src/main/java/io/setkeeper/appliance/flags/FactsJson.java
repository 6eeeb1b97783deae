package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.continuity.Background;
import io.setkeeper.appliance.continuity.ClipFacts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ClipFacts} as stored JSON (schema {@code setkeeper.continuity-facts}, version 1); the background as base64 float32. */
final class FactsJson {
    private FactsJson() {
    }

    static String write(ClipFacts f) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("schema", "setkeeper.continuity-facts").add("version", 1)
                .add("clipId", f.clipId()).add("clip", f.clip());
        opt(b, "scene", f.scene());
        opt(b, "setup", f.setup());
        opt(b, "take", f.take());
        opt(b, "still", f.still());
        ClipFacts.Camera c = f.camera();
        JsonObjectBuilder cam = Json.createObjectBuilder().add("fps", c.fps()).add("width", c.width())
                .add("height", c.height());
        opt(cam, "camera", c.camera());
        opt(cam, "transfer", c.transfer());
        JsonObjectBuilder tags = Json.createObjectBuilder();
        c.tags().forEach(tags::add);
        b.add("camera", cam.add("tags", tags));
        if (f.sound() != null) {
            JsonObjectBuilder s = Json.createObjectBuilder();
            opt(s, "scene", f.sound().scene());
            opt(s, "take", f.sound().take());
            opt(s, "file", f.sound().file());
            b.add("sound", s);
        }
        b.add("background", floats(f.background().lab()));
        JsonArrayBuilder people = Json.createArrayBuilder();
        for (ClipFacts.Person p : f.people()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("centerX", p.centerX())
                    .add("observations", p.observations());
            if (Double.isFinite(p.yaw())) {
                o.add("yaw", p.yaw());
            }
            if (p.embedding() != null) {
                o.add("embedding", floats(p.embedding()));
            }
            if (p.wardrobe() != null) {
                o.add("wardrobe", array(p.wardrobe()));
            }
            if (p.torso() != null) {
                o.add("torso", array(p.torso()));
            }
            people.add(o);
        }
        b.add("people", people);
        JsonArrayBuilder edges = Json.createArrayBuilder();
        f.edges().forEach(e -> edges.add(Json.createObjectBuilder().add("side", e.side().name())
                .add("fraction", e.fraction()).add("box", array(e.box()))));
        b.add("edges", edges);
        JsonArrayBuilder things = Json.createArrayBuilder();
        f.things().forEach(t -> things.add(Json.createObjectBuilder().add("label", t.label())
                .add("fraction", t.fraction()).add("score", t.score()).add("box", array(t.box()))));
        return b.add("things", things).build().toString();
    }

    static ClipFacts read(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        JsonObject cam = o.getJsonObject("camera");
        Map<String, String> tags = new LinkedHashMap<>();
        cam.getJsonObject("tags").forEach((k, v) -> tags.put(k, ((jakarta.json.JsonString) v).getString()));
        ClipFacts.Camera camera = new ClipFacts.Camera(str(cam, "camera"), cam.getJsonNumber("fps").doubleValue(),
                cam.getInt("width"), cam.getInt("height"), str(cam, "transfer"), tags);
        ClipFacts.SoundSlate sound = null;
        if (o.containsKey("sound")) {
            JsonObject s = o.getJsonObject("sound");
            sound = new ClipFacts.SoundSlate(str(s, "scene"), str(s, "take"), str(s, "file"));
        }
        List<ClipFacts.Person> people = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("people")) {
            JsonObject p = v.asJsonObject();
            people.add(new ClipFacts.Person(p.containsKey("embedding") ? floats(p.getString("embedding")) : null,
                    p.containsKey("wardrobe") ? array(p.getJsonArray("wardrobe")) : null,
                    p.getJsonNumber("centerX").doubleValue(),
                    p.containsKey("yaw") ? p.getJsonNumber("yaw").doubleValue() : Double.NaN, p.getInt("observations"),
                    p.containsKey("torso") ? array(p.getJsonArray("torso")) : null));
        }
        List<ClipFacts.EdgePerson> edges = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("edges")) {
            JsonObject e = v.asJsonObject();
            edges.add(new ClipFacts.EdgePerson(ClipFacts.EdgePerson.Side.valueOf(e.getString("side")),
                    e.getJsonNumber("fraction").doubleValue(), array(e.getJsonArray("box"))));
        }
        List<ClipFacts.Thing> things = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("things")) {
            JsonObject t = v.asJsonObject();
            things.add(new ClipFacts.Thing(t.getString("label"), t.getJsonNumber("fraction").doubleValue(),
                    t.getJsonNumber("score").doubleValue(), array(t.getJsonArray("box"))));
        }
        return new ClipFacts(o.getJsonNumber("clipId").longValue(), o.getString("clip"), str(o, "scene"),
                str(o, "setup"), str(o, "take"), camera, sound, new Background(floats(o.getString("background"))),
                people, edges, things, str(o, "still"));
    }

    private static void opt(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    private static String str(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getString(key) : null;
    }

    private static JsonArrayBuilder array(float[] v) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    private static float[] array(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((JsonNumber) a.get(i)).doubleValue();
        }
        return out;
    }

    private static String floats(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            buf.putFloat(x);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    private static float[] floats(String b64) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(b64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[buf.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getFloat();
        }
        return out;
    }
}
