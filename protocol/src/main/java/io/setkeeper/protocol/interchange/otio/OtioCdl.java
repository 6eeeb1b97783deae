package io.setkeeper.protocol.interchange.otio;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The clip-metadata conventions Setkeeper uses in OTIO: the CDL as OTIO's adapters write it,
 * {@code metadata.cdl = {asc_sop: {slope: [r,g,b], offset: [...], power: [...]}, asc_sat: s}}, and the approval
 * record of a fix under {@code metadata.setkeeper.approval} (any JSON object, carried as is).
 */
public final class OtioCdl {
    /** Clip metadata key of the CDL. */
    public static final String CDL = "cdl";
    /** Clip metadata key of Setkeeper's own namespace. */
    public static final String SETKEEPER = "setkeeper";
    /** Key of the approval record inside {@link #SETKEEPER}. */
    public static final String APPROVAL = "approval";

    private OtioCdl() {
    }

    /** The {@code cdl} object for a CDL. */
    public static JsonObject toJson(Cdl cdl) {
        return Json.createObjectBuilder()
                .add("asc_sop", Json.createObjectBuilder().add("slope", triple(cdl.slope()))
                        .add("offset", triple(cdl.offset())).add("power", triple(cdl.power())))
                .add("asc_sat", cdl.saturation()).build();
    }

    /** Clip metadata holding a CDL and, when given, an approval record. */
    public static JsonObject metadata(Cdl cdl, JsonObject approval) {
        var b = Json.createObjectBuilder();
        if (cdl != null) {
            b.add(CDL, toJson(cdl));
        }
        if (approval != null) {
            b.add(SETKEEPER, Json.createObjectBuilder().add(APPROVAL, approval));
        }
        return b.build();
    }

    /** The CDL in clip metadata, if there is one; a malformed or out-of-range one is refused. */
    public static Optional<Cdl> fromMetadata(String id, JsonObject metadata) {
        JsonValue v = metadata.get(CDL);
        if (!(v instanceof JsonObject cdl)) {
            return Optional.empty();
        }
        JsonValue sop = cdl.get("asc_sop");
        if (!(sop instanceof JsonObject s)) {
            throw new IllegalArgumentException("metadata.cdl has no asc_sop object");
        }
        double sat = cdl.get("asc_sat") instanceof JsonNumber n ? n.doubleValue() : 1;
        return Optional.of(Cdl.of(id, rgb(s, "slope"), rgb(s, "offset"), rgb(s, "power"), sat));
    }

    /** The approval record in clip metadata, if there is one. */
    public static Optional<JsonObject> approval(JsonObject metadata) {
        return metadata.get(SETKEEPER) instanceof JsonObject s && s.get(APPROVAL) instanceof JsonObject a
                ? Optional.of(a) : Optional.empty();
    }

    private static JsonArray triple(Rgb v) {
        return Json.createArrayBuilder().add(v.r()).add(v.g()).add(v.b()).build();
    }

    private static Rgb rgb(JsonObject sop, String key) {
        if (!(sop.get(key) instanceof JsonArray a) || a.size() != 3 || !(a.get(0) instanceof JsonNumber r)
                || !(a.get(1) instanceof JsonNumber g) || !(a.get(2) instanceof JsonNumber b)) {
            throw new IllegalArgumentException("metadata.cdl.asc_sop." + key + " must be 3 numbers");
        }
        return new Rgb(r.doubleValue(), g.doubleValue(), b.doubleValue());
    }
}
