package io.setkeeper.appliance.store;

import io.setkeeper.appliance.model.ClipPrediction;
import io.setkeeper.appliance.model.Correction;
import io.setkeeper.appliance.model.ModelLedger;
import io.setkeeper.appliance.model.ModelVersion;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Model versions (lineage, the active one), corrections and latest per-clip predictions in H2. */
public final class ModelStore implements ModelLedger {
    private final Database db;
    private final Clock clock;

    public ModelStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a new version and makes it the active one. */
    @Override
    public void addVersion(ModelVersion v) {
        db.transaction(c -> {
            Database.update(c, "UPDATE model_version SET active = FALSE WHERE production_id = ?", v.production());
            Database.update(c, """
                    INSERT INTO model_version(production_id, version_id, seq, parent_id, created_at, reason, dir,
                      manifest_sha256, onnx_sha256, signature, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)""",
                    v.production(), v.id(), v.seq(), v.parent(), v.createdAt(), v.reason() == null ? "" : v.reason(),
                    v.dir().toString(), v.manifestSha256(), v.onnxSha256(), v.signatureBase64());
            return null;
        });
    }

    /** Makes an existing version the active one (rollback or forward). */
    @Override
    public void activate(String production, String id) {
        db.transaction(c -> {
            Database.update(c, "UPDATE model_version SET active = FALSE WHERE production_id = ?", production);
            if (Database.update(c, "UPDATE model_version SET active = TRUE WHERE production_id = ? AND version_id = ?",
                    production, id) != 1) {
                throw new SQLException("no model version " + id + " for production " + production);
            }
            return null;
        });
    }

    @Override
    public List<ModelVersion> versions(String production) {
        return db.query(SELECT + " WHERE production_id = ? ORDER BY seq", ModelStore::version, production);
    }

    @Override
    public Optional<ModelVersion> active(String production) {
        return db.first(SELECT + " WHERE production_id = ? AND active", ModelStore::version, production);
    }

    @Override
    public long nextSeq(String production) {
        return db.first("SELECT COALESCE(MAX(seq), 0) + 1 FROM model_version WHERE production_id = ?",
                rs -> rs.getLong(1), production).orElse(1L);
    }

    private static final String SELECT = """
            SELECT production_id, version_id, seq, parent_id, created_at, reason, dir, manifest_sha256, onnx_sha256,
                   signature FROM model_version""";

    private static ModelVersion version(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), Path.of(rs.getString(7)),
                rs.getString(8), rs.getString(9), rs.getString(10));
    }

    @Override
    public void addCorrection(String production, Correction c) {
        db.update("""
                INSERT INTO model_correction(production_id, kind, clip, person, corrected_to, made_by, made_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", production, c.kind().name(), c.clip(), c.person(), c.value(), c.by(), c.at());
    }

    @Override
    public List<Correction> corrections(String production) {
        return db.query("""
                SELECT kind, clip, person, corrected_to, made_by, made_at FROM model_correction
                WHERE production_id = ? ORDER BY id""", rs -> new Correction(Correction.Kind.valueOf(rs.getString(1)),
                rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant()), production);
    }

    /** Keeps the latest prediction of a clip. */
    @Override
    public void putPrediction(String production, ClipPrediction p) {
        var s = p.setup();
        var main = p.people().isEmpty() ? null : p.people().getFirst();
        db.transaction(c -> {
            Database.update(c, "DELETE FROM model_prediction WHERE production_id = ? AND clip = ?", production, p.clip());
            Database.update(c, """
                    INSERT INTO model_prediction(production_id, clip, main_character, character_conf, setup_predicted,
                      setup_slate, setup_conf, disagreement, margin, predicted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    production, p.clip(), main == null ? null : main.character(), main == null ? null : finite(main.confidence()),
                    s.predicted(), s.slate(), finite(s.confidence()), s.disagreement() == null ? null : s.disagreement().name(),
                    finite(s.margin()), clock.instant());
            return null;
        });
    }

    /** Stored latest predictions: clip, main character, its confidence, predicted setup, slate, disagreement. */
    public record PredictionRow(String clip, String character, Double characterConfidence, String setup,
                                String slate, Double setupConfidence, String disagreement, Double margin) {
    }

    public List<PredictionRow> predictions(String production) {
        return db.query("""
                SELECT clip, main_character, character_conf, setup_predicted, setup_slate, setup_conf, disagreement, margin
                FROM model_prediction WHERE production_id = ? ORDER BY clip""", rs -> new PredictionRow(rs.getString(1),
                rs.getString(2), (Double) rs.getObject(3), rs.getString(4), rs.getString(5), (Double) rs.getObject(6),
                rs.getString(7), (Double) rs.getObject(8)), production);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
