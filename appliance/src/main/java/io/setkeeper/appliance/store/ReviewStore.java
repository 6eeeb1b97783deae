package io.setkeeper.appliance.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * JDBC for the approval gate: users and token hashes, proposed fixes (their body as JSON text, parsed by the review
 * package) and the append-only audit log. The log has an insert and reads only: no method updates or deletes a row,
 * and the table's triggers refuse it anyway.
 */
public final class ReviewStore {
    /** A user row. */
    public record UserRow(String id, String name, String role, Instant createdAt) {
    }

    /** A proposed fix row. */
    public record FixRow(String id, String kind, String clip, String body, String proposedBy, Instant proposedAt,
                         String modelVersion) {
    }

    /** One audit log row, exactly as stored (decidedAt as the text that was hashed). */
    public record AuditRow(long seq, String decisionId, String subjectType, String subjectId, String decision,
                           String decidedBy, String role, String decidedAt, String reason, String modelVersion,
                           String evidence, String prevHash, String hash) {
    }

    /** The last row's seq and hash as recorded beside the log. */
    public record Head(long seq, String hash) {
    }

    /** Computes a row's hash from its content and the previous row's hash; given by the review package. */
    @FunctionalInterface
    public interface Chain {
        AuditRow link(long seq, String prevHash);
    }

    /** A second decision on the same subject (the unique constraint on subject type and id refused it). */
    public static final class AlreadyDecided extends RuntimeException {
        public AlreadyDecided(String message) {
            super(message);
        }
    }

    /** The hash the first row links to. */
    public static final String GENESIS = "0".repeat(64);

    private static final String AUDIT_COLUMNS = "seq, decision_id, subject_type, subject_id, decision, decided_by, "
            + "role, decided_at, reason, model_version, evidence, prev_hash, hash";

    private final Database db;

    public ReviewStore(Database db) {
        this.db = db;
    }

    public void insertUser(UserRow u) {
        db.update("INSERT INTO review_user(id, name, role, created_at) VALUES (?,?,?,?)", u.id(), u.name(), u.role(),
                u.createdAt());
    }

    public List<UserRow> users() {
        return db.query("SELECT id, name, role, created_at FROM review_user ORDER BY created_at, id",
                ReviewStore::user);
    }

    public Optional<UserRow> user(String id) {
        return db.first("SELECT id, name, role, created_at FROM review_user WHERE id = ?", ReviewStore::user, id);
    }

    public void insertToken(String tokenHash, String userId, String label, Instant at) {
        db.update("INSERT INTO review_token(token_hash, user_id, label, created_at) VALUES (?,?,?,?)", tokenHash,
                userId, label, at);
    }

    /** The user holding an unrevoked token with this hash. */
    public Optional<UserRow> userByTokenHash(String tokenHash) {
        return db.first("SELECT u.id, u.name, u.role, u.created_at FROM review_token t JOIN review_user u "
                + "ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL", ReviewStore::user, tokenHash);
    }

    /** Revokes every token of a user; returns how many. */
    public int revokeTokens(String userId, Instant at) {
        return db.update("UPDATE review_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", at,
                userId);
    }

    public void insertFix(FixRow f) {
        db.update("INSERT INTO review_fix(id, kind, clip, body, proposed_by, proposed_at, model_version) "
                + "VALUES (?,?,?,?,?,?,?)", f.id(), f.kind(), f.clip(), f.body(), f.proposedBy(), f.proposedAt(),
                f.modelVersion());
    }

    public List<FixRow> fixes() {
        return db.query("SELECT id, kind, clip, body, proposed_by, proposed_at, model_version FROM review_fix "
                + "ORDER BY proposed_at, id", ReviewStore::fix);
    }

    public Optional<FixRow> fix(String id) {
        return db.first("SELECT id, kind, clip, body, proposed_by, proposed_at, model_version FROM review_fix "
                + "WHERE id = ?", ReviewStore::fix, id);
    }

    /**
     * Appends one decision: in one transaction, reads the last row's seq and hash, lets {@code chain} build the new
     * row linked to it, and inserts it. A second decision on the same subject throws {@link AlreadyDecided}.
     */
    public AuditRow append(Chain chain) {
        synchronized (this) {
            try {
                return db.transaction(c -> {
                    List<AuditRow> last = Database.query(c, "SELECT " + AUDIT_COLUMNS
                            + " FROM audit_log ORDER BY seq DESC LIMIT 1", ReviewStore::audit);
                    long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
                    String prev = last.isEmpty() ? GENESIS : last.get(0).hash();
                    AuditRow r = chain.link(seq, prev);
                    if (r.seq() != seq || !r.prevHash().equals(prev)) {
                        throw new IllegalStateException("the chain must link row " + seq + " to " + prev);
                    }
                    Database.update(c, "INSERT INTO audit_log(" + AUDIT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                            r.seq(), r.decisionId(), r.subjectType(), r.subjectId(), r.decision(), r.decidedBy(),
                            r.role(), r.decidedAt(), r.reason(), r.modelVersion(), r.evidence(), r.prevHash(),
                            r.hash());
                    Database.update(c, "MERGE INTO audit_head(id, seq, hash) KEY (id) VALUES (1, ?, ?)", r.seq(),
                            r.hash());
                    return r;
                });
            } catch (StoreException e) {
                if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())
                        && s.getMessage().toUpperCase().contains("AUDIT_ONE_DECISION")) {
                    throw new AlreadyDecided("already decided");
                }
                throw e;
            }
        }
    }

    /** The whole log in order. */
    public List<AuditRow> audit() {
        return db.query("SELECT " + AUDIT_COLUMNS + " FROM audit_log ORDER BY seq", ReviewStore::audit);
    }

    /** The chain head as last written: the last row's seq and hash (empty before the first decision). */
    public Optional<Head> head() {
        return db.first("SELECT seq, hash FROM audit_head WHERE id = 1", rs -> new Head(rs.getLong(1),
                rs.getString(2)));
    }

    /** Records that a decision's message is in the outbox. */
    public void markSent(String decisionId, String messageId, Instant at) {
        db.update("MERGE INTO review_sent(decision_id, message_id, enqueued_at) KEY (decision_id) VALUES (?,?,?)",
                decisionId, messageId, at);
    }

    /** Decision ids whose message is in the outbox. */
    public java.util.Set<String> sentDecisions() {
        return new java.util.HashSet<>(db.query("SELECT decision_id FROM review_sent", rs -> rs.getString(1)));
    }

    /** The decision on a subject, if any. */
    public Optional<AuditRow> decisionOn(String subjectType, String subjectId) {
        return db.first("SELECT " + AUDIT_COLUMNS + " FROM audit_log WHERE subject_type = ? AND subject_id = ?",
                ReviewStore::audit, subjectType, subjectId);
    }

    private static UserRow user(ResultSet rs) throws SQLException {
        return new UserRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    private static FixRow fix(ResultSet rs) throws SQLException {
        return new FixRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7));
    }

    private static AuditRow audit(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13));
    }
}
