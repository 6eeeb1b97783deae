package io.setkeeper.appliance.store;

import io.setkeeper.appliance.flags.Flag;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Continuity facts per clip (JSON documents) and raised flags in H2. */
public final class FlagStore {
    private final Database db;

    public FlagStore(Database db) {
        this.db = db;
    }

    /** Stores (or replaces) a clip's facts document. */
    public void saveFacts(String production, long clipId, String scene, String json, Instant now) {
        db.update("MERGE INTO continuity_facts(production_id, clip_id, scene, facts, updated_at) KEY(production_id, clip_id) "
                + "VALUES (?, ?, ?, ?, ?)", production, clipId, scene, json, now);
    }

    /** The facts documents of one scene's clips, in clip id order. */
    public List<String> factsOfScene(String production, String scene) {
        return db.query("SELECT facts FROM continuity_facts WHERE production_id = ? AND scene = ? ORDER BY clip_id",
                rs -> rs.getString(1), production, scene);
    }

    /** Inserts a new flag; false (and nothing changed but its seen time) when a flag with its id exists. */
    public boolean insertIfNew(Flag f) {
        return db.transaction(c -> {
            if (Database.update(c, "UPDATE flag SET seen_at = ? WHERE id = ?", f.seenAt(), f.id()) > 0) {
                return false;
            }
            Database.update(c, """
                    INSERT INTO flag(id, production_id, kind, scene, setup, clips, clip_ids, subject, summary, numbers,
                      region, evidence, raised_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    f.id(), f.production(), f.kind(), f.scene(), f.setup(), String.join("\n", f.clips()),
                    String.join(",", f.clipIds().stream().map(String::valueOf).toList()), f.subject(), f.summary(),
                    numbers(f.numbers()), region(f.region()), String.join("\n", f.evidence()), f.raisedAt(), f.seenAt());
            return true;
        });
    }

    /** Marks a flag as no longer holding (unless it already is); true when it changed. */
    public boolean resolve(String id, Instant at, String resolution) {
        return db.update("UPDATE flag SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL", at,
                resolution, id) > 0;
    }

    /** Opens a resolved flag again (found again); true when it was resolved. */
    public boolean reopen(String id, Instant at) {
        return db.update("UPDATE flag SET resolved_at = NULL, resolution = NULL, seen_at = ? WHERE id = ?"
                + " AND resolved_at IS NOT NULL", at, id) > 0;
    }

    public Optional<Flag> flag(String id) {
        return db.first(SELECT + " WHERE id = ?", FlagStore::row, id);
    }

    /** A production's flags, oldest first. */
    public List<Flag> flags(String production) {
        return db.query(SELECT + " WHERE production_id = ? ORDER BY raised_at, id", FlagStore::row, production);
    }

    private static final String SELECT = """
            SELECT id, production_id, kind, scene, setup, clips, clip_ids, subject, summary, numbers, region, evidence,
                   raised_at, seen_at, resolved_at, resolution FROM flag""";

    private static Flag row(ResultSet rs) throws SQLException {
        String ids = rs.getString(7);
        String evidence = rs.getString(12);
        OffsetDateTime resolved = rs.getObject(15, OffsetDateTime.class);
        return new Flag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5),
                ids.isEmpty() ? List.<Long>of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                rs.getString(6).isEmpty() ? List.<String>of() : List.of(rs.getString(6).split("\n")), rs.getString(8),
                rs.getString(9), numbers(rs.getString(10)), region(rs.getString(11)),
                evidence.isEmpty() ? List.<String>of() : List.of(evidence.split("\n")),
                rs.getObject(13, OffsetDateTime.class).toInstant(), rs.getObject(14, OffsetDateTime.class).toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString(16));
    }

    private static String numbers(Map<String, Double> m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new java.util.TreeMap<>(m).forEach(b::add);
        return b.build().toString();
    }

    private static Map<String, Double> numbers(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        Map<String, Double> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, ((JsonNumber) v).doubleValue()));
        return out;
    }

    private static String region(double[] r) {
        return r == null ? null : r[0] + "," + r[1] + "," + r[2] + "," + r[3];
    }

    private static double[] region(String s) {
        return s == null ? null : Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
