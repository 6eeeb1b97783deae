package io.setkeeper.sync.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The post side's record of production keys (pinned at first contact or provisioned) and of announced model
 * versions. Same database and connection as {@link SyncStore}.
 */
public final class ModelTables {
    /** A production's public key: base64 X.509, its SHA-256 fingerprint, where it came from and when. */
    public record ProductionKey(String production, String publicKey, String fingerprint, String source,
                                Instant since) {
    }

    /**
     * An announced model version. {@code id} is {@code {appliance}.{version}}: unique in a production even when two
     * boxes both cut a {@code v1}.
     */
    public record ModelVersion(String production, String id, String appliance, String version, String parent,
                               String artefactId, String keyFingerprint, String status, String detail,
                               Instant announcedAt, String announcement) {
    }

    private final SyncStore store;

    public ModelTables(SyncStore store) {
        this.store = store;
    }

    static void create(Statement st) throws SQLException {
        st.execute("""
                CREATE TABLE IF NOT EXISTS production_keys (
                    production VARCHAR(64) PRIMARY KEY,
                    public_key VARCHAR(200) NOT NULL,
                    fingerprint VARCHAR(64) NOT NULL,
                    source VARCHAR(20) NOT NULL,
                    since TIMESTAMP WITH TIME ZONE NOT NULL)""");
        st.execute("""
                CREATE TABLE IF NOT EXISTS model_versions (
                    production VARCHAR(64) NOT NULL,
                    model_id VARCHAR(200) NOT NULL,
                    appliance VARCHAR(64) NOT NULL,
                    version VARCHAR(100) NOT NULL,
                    parent VARCHAR(100),
                    artefact_id VARCHAR(64) NOT NULL,
                    key_fingerprint VARCHAR(64),
                    status VARCHAR(20) NOT NULL,
                    detail VARCHAR(1000),
                    announced_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    announcement VARCHAR(1000000) NOT NULL,
                    PRIMARY KEY (production, model_id))""");
    }

    /** Pins a key for a production unless one is there; returns the production's key either way. */
    public ProductionKey pin(ProductionKey k) {
        store.insertOnce("INSERT INTO production_keys (production, public_key, fingerprint, source, since) "
                + "VALUES (?,?,?,?,?)", k.production(), k.publicKey(), k.fingerprint(), k.source(),
                SyncStore.utc(k.since()));
        return key(k.production()).orElseThrow();
    }

    public Optional<ProductionKey> key(String production) {
        return store.q("SELECT production, public_key, fingerprint, source, since FROM production_keys WHERE "
                + "production = ?", rs -> new ProductionKey(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), SyncStore.instant(rs, 5)), production).stream().findFirst();
    }

    /** Records an announced version; false if it was already recorded (a repeat). */
    public boolean announce(ModelVersion v) {
        return store.insertOnce("INSERT INTO model_versions (production, model_id, appliance, version, parent, "
                        + "artefact_id, key_fingerprint, status, detail, announced_at, announcement) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", v.production(), v.id(), v.appliance(), v.version(),
                v.parent(), v.artefactId(), v.keyFingerprint(), v.status(), v.detail(),
                SyncStore.utc(v.announcedAt()), v.announcement());
    }

    /** Sets the verdict on the versions carried by an artefact (unless already rejected). */
    public void settle(String production, String artefactId, String status, String detail) {
        try {
            store.update("UPDATE model_versions SET status = ?, detail = ? WHERE production = ? AND artefact_id = ? "
                    + "AND status <> 'rejected'", status, detail, production, artefactId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot settle model artefact " + artefactId + ": " + e.getMessage(), e);
        }
    }

    public List<ModelVersion> versions(String production) {
        return store.q("SELECT " + COLUMNS + " FROM model_versions WHERE production = ? ORDER BY announced_at, model_id",
                ModelTables::row, production);
    }

    public Optional<ModelVersion> version(String production, String id) {
        return store.q("SELECT " + COLUMNS + " FROM model_versions WHERE production = ? AND model_id = ?",
                ModelTables::row, production, id).stream().findFirst();
    }

    private static final String COLUMNS = "production, model_id, appliance, version, parent, artefact_id, "
            + "key_fingerprint, status, detail, announced_at, announcement";

    private static ModelVersion row(java.sql.ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), SyncStore.instant(rs, 10),
                rs.getString(11));
    }
}
