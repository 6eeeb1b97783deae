package io.setkeeper.ui.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the approval gate's and the model's answers (fixes, audit, users/me, model, versions, sync). Pure. */
final class ReviewJson {
    /** The fix fields that are not its numbers. */
    private static final Set<String> NOT_NUMBERS = Set.of("id", "kind", "target", "verdict", "evidence", "status",
            "decision", "proposedBy", "proposedAt", "modelVersion", "reference");

    private ReviewJson() {
    }

    static FixInfo fix(JsonObject o) {
        JsonObject t = Wire.object(o, "target").orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject v = Wire.object(o, "verdict").orElse(JsonValue.EMPTY_JSON_OBJECT);
        Map<String, String> numbers = new LinkedHashMap<>();
        o.forEach((k, x) -> {
            if (!NOT_NUMBERS.contains(k)) {
                numbers.putAll(Flat.of(jakarta.json.Json.createObjectBuilder().add(k, x).build()));
            }
        });
        Wire.longOf(t, "sourceIn").ifPresent(in -> numbers.put("frames", in + " – "
                + Wire.longOf(t, "sourceOut").orElse(in)));
        return new FixInfo(o.getString("id", "?"), o.getString("kind", "?"), t.getString("clip", ""),
                Wire.text(t, "scene"), Wire.text(t, "take"), Wire.text(v, "kind"), Wire.text(v, "reason"),
                o.getString("status", "PROPOSED"), Wire.text(o, "reference"), Wire.text(o, "modelVersion"),
                o.getString("proposedBy", ""), numbers, Wire.strings(o, "evidence"),
                Wire.object(o, "decision").map(ReviewJson::audit));
    }

    static AuditRecord audit(JsonObject o) {
        return new AuditRecord(Wire.longOf(o, "seq").orElse(0L), o.getString("subjectType", ""),
                o.getString("subjectId", ""), o.getString("decision", ""), o.getString("decidedBy", ""),
                o.getString("role", ""), o.getString("decidedAt", ""), o.getString("reason", ""));
    }

    static Me me(JsonObject o) {
        return new Me(o.getString("id", ""), o.getString("name", ""), o.getString("role", "VIEWER"));
    }

    static ModelState model(JsonObject o) {
        Map<String, String> metrics = new LinkedHashMap<>();
        Wire.object(o, "manifest").ifPresent(m -> Flat.of(m).forEach((k, x) -> {
            if (!k.startsWith("files") && !k.startsWith("fileHashes") && !k.startsWith("fileSizes")
                    && !k.toLowerCase(java.util.Locale.ROOT).contains("sha256")) {
                metrics.put(k, x);
            }
        }));
        return new ModelState(o.getInt("clips", 0), Wire.strings(o, "characters"), Wire.strings(o, "setups"),
                Wire.doubleOf(o, "characterThreshold").orElse(0.0),
                Wire.object(o, "version").flatMap(v -> Wire.text(v, "id")), metrics,
                Wire.text(o, "versionProblem").or(() -> Wire.text(o, "startProblem")));
    }

    static ModelVersionInfo version(JsonObject o) {
        return new ModelVersionInfo(o.getString("id", "?"), Wire.longOf(o, "seq").orElse(0L), Wire.text(o, "parent"),
                o.getString("createdAt", ""), o.getString("reason", ""), o.getString("onnxSha256", ""),
                o.getString("signatureAlgorithm", ""), o.getBoolean("active", false));
    }

    static SyncState sync(JsonObject o) {
        return new SyncState(o.getBoolean("publishing", false), Wire.longOf(o, "queued").orElse(0L),
                Wire.longOf(o, "published").orElse(0L), Wire.longOf(o, "confirmed").orElse(0L),
                Wire.longOf(o, "dropped").orElse(0L), lines(o, "lastConfirmed"), lines(o, "lastDropped"));
    }

    private static List<SyncState.Line> lines(JsonObject o, String key) {
        List<SyncState.Line> out = new ArrayList<>();
        if (o.get(key) instanceof JsonArray a) {
            for (JsonValue v : a) {
                JsonObject l = v.asJsonObject();
                out.add(new SyncState.Line(l.getString("messageId", ""), l.getString("schema", ""),
                        l.getString("at", ""), Wire.text(l, "detail")));
            }
        }
        return out;
    }
}
