package io.setkeeper.sync.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The post side's database: received messages (unique by message id, which is how repeats are ignored), the
 * appliances' last contact and the state of each artefact. Plain SQL that runs on both H2 (the default, a file) and
 * PostgreSQL (for a facility with several instances). The only class of the sync-service that uses JDBC.
 */
public final class SyncStore implements AutoCloseable {
    private static final String UNIQUE_VIOLATION = "23505";

    /** A received message as stored. */
    public record Received(String messageId, String production, String appliance, String schema, int version,
                           String topic, Instant sentAt, Instant receivedAt, String correlationId, String body) {
    }

    /** An appliance and when it was last heard from. */
    public record ApplianceContact(String production, String appliance, Instant lastContact, long messages) {
    }

    /** An artefact's state: {@code receiving}, {@code verified} or {@code rejected}. */
    public record Artefact(String production, String artefactId, String appliance, String manifestMessageId,
                           String kind, String name, long size, String sha256, String status, String detail,
                           String path, Instant updatedAt) {
    }

    private final String url;
    private final Connection connection;

    private SyncStore(String url, String user, String password) throws SQLException {
        this.url = url;
        this.connection = DriverManager.getConnection(url, user, password);
        this.connection.setAutoCommit(true);
        migrate();
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}) and creates the
     * tables if needed.
     */
    public static SyncStore open(String url, String user, String password) {
        try {
            return new SyncStore(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sync-service database " + url + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL this store was opened with. */
    public String url() {
        return url;
    }

    private void migrate() throws SQLException {
        try (Statement st = connection.createStatement()) {
            ModelTables.create(st);
            TokenTable.create(st);
            st.execute("""
                    CREATE TABLE IF NOT EXISTS received (
                        message_id VARCHAR(100) PRIMARY KEY,
                        production VARCHAR(64) NOT NULL,
                        appliance VARCHAR(64) NOT NULL,
                        schema_name VARCHAR(200) NOT NULL,
                        schema_version INT NOT NULL,
                        topic VARCHAR(1000) NOT NULL,
                        sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        received_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        correlation_id VARCHAR(100),
                        body VARCHAR(1000000) NOT NULL)""");
            st.execute("CREATE INDEX IF NOT EXISTS received_production ON received (production, received_at)");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS appliances (
                        production VARCHAR(64) NOT NULL,
                        appliance VARCHAR(64) NOT NULL,
                        last_contact TIMESTAMP WITH TIME ZONE NOT NULL,
                        PRIMARY KEY (production, appliance))""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS artefacts (
                        production VARCHAR(64) NOT NULL,
                        artefact_id VARCHAR(64) NOT NULL,
                        appliance VARCHAR(64) NOT NULL,
                        manifest_message_id VARCHAR(100) NOT NULL,
                        kind VARCHAR(64) NOT NULL,
                        name VARCHAR(255) NOT NULL,
                        size BIGINT NOT NULL,
                        sha256 VARCHAR(64) NOT NULL,
                        manifest VARCHAR(1000000) NOT NULL,
                        status VARCHAR(20) NOT NULL,
                        detail VARCHAR(1000),
                        path VARCHAR(4096),
                        updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        PRIMARY KEY (production, artefact_id))""");
        }
    }

    /** Stores a message; false if its id was already stored (a repeat). */
    public synchronized boolean insertIfNew(Received r) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO received (message_id, production, "
                + "appliance, schema_name, schema_version, topic, sent_at, received_at, correlation_id, body) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.messageId());
            ps.setString(2, r.production());
            ps.setString(3, r.appliance());
            ps.setString(4, r.schema());
            ps.setInt(5, r.version());
            ps.setString(6, r.topic());
            ps.setObject(7, utc(r.sentAt()));
            ps.setObject(8, utc(r.receivedAt()));
            ps.setString(9, r.correlationId());
            ps.setString(10, r.body());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("cannot store message " + r.messageId() + ": " + e.getMessage(), e);
        }
    }

    /** Records that an appliance was heard from at {@code at}. */
    public synchronized void touch(String production, String appliance, Instant at) {
        try {
            int n = update("UPDATE appliances SET last_contact = ? WHERE production = ? AND appliance = ? "
                    + "AND last_contact < ?", utc(at), production, appliance, utc(at));
            if (n == 0 && query("SELECT 1 FROM appliances WHERE production = ? AND appliance = ?",
                    rs -> 1, production, appliance).isEmpty()) {
                update("INSERT INTO appliances (production, appliance, last_contact) VALUES (?,?,?)", production,
                        appliance, utc(at));
            }
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot record contact: " + e.getMessage(), e);
            }
        }
    }

    /** Registers an artefact from its manifest unless known; returns the stored state. */
    public synchronized Artefact registerArtefact(Artefact a, String manifestJson) {
        try {
            update("INSERT INTO artefacts (production, artefact_id, appliance, manifest_message_id, kind, name, size, "
                            + "sha256, manifest, status, detail, path, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    a.production(), a.artefactId(), a.appliance(), a.manifestMessageId(), a.kind(), a.name(),
                    a.size(), a.sha256(), manifestJson, a.status(), a.detail(), a.path(), utc(a.updatedAt()));
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot register artefact " + a.artefactId() + ": " + e.getMessage(),
                        e);
            }
        }
        return artefact(a.production(), a.artefactId()).orElseThrow();
    }

    /** The manifest JSON of an artefact, if its manifest arrived. */
    public synchronized Optional<String> manifestJson(String production, String artefactId) {
        return q("SELECT manifest FROM artefacts WHERE production = ? AND artefact_id = ?", rs -> rs.getString(1),
                production, artefactId).stream().findFirst();
    }

    /** Moves an artefact out of {@code receiving}; false if another worker already did. */
    public synchronized boolean finishArtefact(String production, String artefactId, String status, String detail,
                                               String path, Instant at) {
        try {
            return update("UPDATE artefacts SET status = ?, detail = ?, path = ?, updated_at = ? WHERE production = ? "
                    + "AND artefact_id = ? AND status = 'receiving'", status, detail, path, utc(at), production,
                    artefactId) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish artefact " + artefactId + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<Artefact> artefact(String production, String artefactId) {
        return q("SELECT " + ARTEFACT_COLUMNS + " FROM artefacts WHERE production = ? AND artefact_id = ?",
                SyncStore::artefactRow, production, artefactId).stream().findFirst();
    }

    public synchronized List<Artefact> artefacts(String production) {
        return q("SELECT " + ARTEFACT_COLUMNS + " FROM artefacts WHERE production = ? ORDER BY updated_at",
                SyncStore::artefactRow, production);
    }

    /** Production ids with anything received. */
    public synchronized List<String> productions() {
        return q("SELECT DISTINCT production FROM appliances ORDER BY production", rs -> rs.getString(1));
    }

    /** Appliances of a production with their last contact and message count. */
    public synchronized List<ApplianceContact> appliances(String production) {
        return q("SELECT a.production, a.appliance, a.last_contact, (SELECT COUNT(*) FROM received r WHERE "
                        + "r.production = a.production AND r.appliance = a.appliance) FROM appliances a "
                        + "WHERE a.production = ? ORDER BY a.appliance",
                rs -> new ApplianceContact(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getLong(4)),
                production);
    }

    /** Received messages of a production, newest last; {@code schema} filters when not null. */
    public synchronized List<Received> messages(String production, String schema, int limit) {
        String filter = schema == null ? "" : " AND schema_name = ?";
        Object[] params = schema == null ? new Object[]{production, limit} : new Object[]{production, schema, limit};
        return q("SELECT message_id, production, appliance, schema_name, schema_version, topic, sent_at, received_at, "
                + "correlation_id, body FROM received WHERE production = ?" + filter
                + " ORDER BY received_at, message_id LIMIT ?", rs -> new Received(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), instant(rs, 7), instant(rs, 8),
                rs.getString(9), rs.getString(10)), params);
    }

    /** Number of stored messages of a schema for a production. */
    public synchronized long count(String production, String schema) {
        return q("SELECT COUNT(*) FROM received WHERE production = ? AND schema_name = ?", rs -> rs.getLong(1),
                production, schema).getFirst();
    }

    private static final String ARTEFACT_COLUMNS = "production, artefact_id, appliance, manifest_message_id, kind, "
            + "name, size, sha256, status, detail, path, updated_at";

    private static Artefact artefactRow(ResultSet rs) throws SQLException {
        return new Artefact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                instant(rs, 12));
    }

    /** Moves an artefact from status {@code from} to {@code status}; false if it was not in {@code from}. */
    public synchronized boolean moveArtefact(String production, String artefactId, String from, String status,
                                             String detail, String path, Instant at) {
        try {
            return update("UPDATE artefacts SET status = ?, detail = ?, path = ?, updated_at = ? WHERE production = ? "
                    + "AND artefact_id = ? AND status = ?", status, detail, path, utc(at), production, artefactId,
                    from) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update artefact " + artefactId + ": " + e.getMessage(), e);
        }
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    synchronized <T> List<T> q(String sql, Mapper<T> mapper, Object... params) {
        try {
            return query(sql, mapper, params);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
    }

    /** An update that reports a unique-key clash as false instead of failing. */
    synchronized boolean insertOnce(String sql, Object... params) {
        try {
            update(sql, params);
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("insert failed: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, Mapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    synchronized int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
