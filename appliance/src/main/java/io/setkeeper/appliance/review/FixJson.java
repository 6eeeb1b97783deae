package io.setkeeper.appliance.review;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * The JSON form of a {@link Fix}, used by {@code POST /api/fixes} and as the stored body. Shape:
 * {@code {id, kind, target: {clip, reel, scene, take, circled, sourceIn, sourceOut}, verdict: {kind, reason},
 * evidence: [...], ...kind fields}}; a CDL is {@code cdl: {slope: [r,g,b], offset: [...], power: [...], saturation}}.
 */
public final class FixJson {
    private FixJson() {
    }

    /** Reads a fix; anything missing or out of range is refused with a message naming the field. */
    public static Fix read(JsonObject o) {
        try {
            String id = text(o, "id");
            ClipRef target = target(obj(o, "target"));
            JsonObject v = obj(o, "verdict");
            Verdict verdict = new Verdict(verdictKind(text(v, "kind")), text(v, "reason"));
            List<String> evidence = o.containsKey("evidence") ? o.getJsonArray("evidence").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList() : List.of();
            String kind = text(o, "kind");
            return switch (kind) {
                case "cdl" -> new Fix.CdlFix(id, target, cdl(id, obj(o, "cdl")), o.getString("reference", ""), verdict,
                        evidence);
                case "plate" -> new Fix.PlateFix(id, target, text(o, "plateArtefact"), verdict, evidence);
                case "patch" -> new Fix.PatchFix(id, target, o.getJsonNumber("frameIn").longValue(),
                        o.getJsonNumber("frameOut").longValue(), o.getInt("x"), o.getInt("y"), o.getInt("width"),
                        o.getInt("height"), text(o, "maskArtefact"), text(o, "plateArtefact"), verdict, evidence);
                case "reframe" -> new Fix.ReframeFix(id, target, text(o, "aspect"), text(o, "cropPathArtefact"),
                        verdict, evidence);
                default -> throw ReviewException.invalid("kind must be cdl, plate, patch or reframe, was '" + kind
                        + "'");
            };
        } catch (ReviewException e) {
            throw e;
        } catch (NullPointerException | ClassCastException e) {
            throw ReviewException.invalid("malformed fix: a required field is missing or has the wrong type ("
                    + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw ReviewException.invalid(e.getMessage());
        }
    }

    /** Parses the stored text. */
    public static Fix read(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return read(r.readObject());
        }
    }

    /** Writes a fix. */
    public static JsonObject write(Fix f) {
        ClipRef t = f.target();
        JsonArrayBuilder ev = Json.createArrayBuilder();
        f.evidence().forEach(ev::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", f.id()).add("kind", f.kind())
                .add("target", Json.createObjectBuilder().add("clip", t.clip()).add("reel", t.reel())
                        .add("scene", t.scene()).add("take", t.take()).add("circled", t.circled())
                        .add("sourceIn", t.sourceIn()).add("sourceOut", t.sourceOut()))
                .add("verdict", Json.createObjectBuilder().add("kind", f.verdict().kind().name())
                        .add("reason", f.verdict().reason()))
                .add("evidence", ev);
        switch (f) {
            case Fix.CdlFix c -> b.add("cdl", Json.createObjectBuilder().add("slope", rgb(c.cdl().slope()))
                    .add("offset", rgb(c.cdl().offset())).add("power", rgb(c.cdl().power()))
                    .add("saturation", c.cdl().saturation())).add("reference", c.reference());
            case Fix.PlateFix p -> b.add("plateArtefact", p.plateArtefact());
            case Fix.PatchFix p -> b.add("frameIn", p.frameIn()).add("frameOut", p.frameOut()).add("x", p.x())
                    .add("y", p.y()).add("width", p.width()).add("height", p.height())
                    .add("maskArtefact", p.maskArtefact()).add("plateArtefact", p.plateArtefact());
            case Fix.ReframeFix r -> b.add("aspect", r.aspect()).add("cropPathArtefact", r.cropPathArtefact());
        }
        return b.build();
    }

    private static ClipRef target(JsonObject t) {
        return new ClipRef(text(t, "clip"), t.getString("reel", null), t.getString("scene", ""),
                t.getString("take", ""), t.getBoolean("circled", false), t.getJsonNumber("sourceIn").longValue(),
                t.getJsonNumber("sourceOut").longValue());
    }

    private static Cdl cdl(String id, JsonObject c) {
        double sat = c.get("saturation") instanceof JsonNumber n ? n.doubleValue() : 1;
        return Cdl.of(id, triple(c, "slope"), triple(c, "offset"), triple(c, "power"), sat);
    }

    private static Rgb triple(JsonObject c, String key) {
        if (!(c.get(key) instanceof JsonArray a) || a.size() != 3 || !(a.get(0) instanceof JsonNumber r)
                || !(a.get(1) instanceof JsonNumber g) || !(a.get(2) instanceof JsonNumber b)) {
            throw ReviewException.invalid("cdl." + key + " must be 3 numbers");
        }
        return new Rgb(r.doubleValue(), g.doubleValue(), b.doubleValue());
    }

    private static JsonArray rgb(Rgb v) {
        return Json.createArrayBuilder().add(v.r()).add(v.g()).add(v.b()).build();
    }

    private static Verdict.Kind verdictKind(String s) {
        try {
            return Verdict.Kind.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ReviewException.invalid("verdict.kind must be FIXABLE_IN_POST or RESHOOT_ADVISED, was '" + s + "'");
        }
    }

    private static JsonObject obj(JsonObject o, String key) {
        if (!(o.get(key) instanceof JsonObject v)) {
            throw ReviewException.invalid("'" + key + "' must be an object");
        }
        return v;
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw ReviewException.invalid("'" + key + "' is required (text)");
        }
        return s.getString();
    }
}
