package io.setkeeper.appliance.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outbox table: inserts, the life-cycle updates (published, confirmed, dropped) and the queries the publisher
 * and housekeeper need. Priorities are ints here (lower is more important); the outbox package gives them names.
 */
public final class OutboxStore {
    private static final String COLUMNS = "id, message_id, schema_name, topic, qos, retained, priority, payload, "
            + "source_path, source_offset, source_length, created_at, expires_at, published_at, confirmed_at, "
            + "dropped_at, drop_reason, receipt_status, attempts";
    private static final String PENDING = "confirmed_at IS NULL AND dropped_at IS NULL";

    private final Database db;

    public OutboxStore(Database db) {
        this.db = db;
    }

    /** Inserts rows in one transaction; returns their ids. A repeated message id fails the whole batch. */
    public List<Long> insert(List<OutboxRow.New> rows) {
        return db.transaction(c -> {
            List<Long> ids = new java.util.ArrayList<>(rows.size());
            try (var ps = c.prepareStatement("INSERT INTO outbox(message_id, schema_name, topic, qos, retained, "
                    + "priority, payload, source_path, source_offset, source_length, created_at, expires_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[]{"id"})) {
                for (OutboxRow.New r : rows) {
                    ps.setString(1, r.messageId());
                    ps.setString(2, r.schema());
                    ps.setString(3, r.topic());
                    ps.setInt(4, r.qos());
                    ps.setBoolean(5, r.retained());
                    ps.setInt(6, r.priority());
                    ps.setBytes(7, r.payload());
                    ps.setString(8, r.sourcePath());
                    ps.setLong(9, r.sourceOffset());
                    ps.setInt(10, r.sourceLength());
                    ps.setObject(11, utc(r.created()));
                    ps.setObject(12, utc(r.expires()));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * Rows due for publishing: pending, not expired at {@code now}, never published or published before
     * {@code resendBefore} without a receipt; most important first, then oldest. Skips {@code exclude} (in flight).
     */
    public List<OutboxRow> due(Instant now, Instant resendBefore, int limit, Collection<Long> exclude) {
        String notIn = exclude.isEmpty() ? "" : " AND id NOT IN (" + exclude.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")";
        return db.query("SELECT " + COLUMNS + " FROM outbox WHERE " + PENDING
                        + " AND (expires_at IS NULL OR expires_at > ?) AND (published_at IS NULL OR published_at < ?)"
                        + notIn + " ORDER BY priority, id LIMIT ?",
                OutboxStore::row, now, resendBefore, limit);
    }

    /** Records the broker's acknowledgement of a publish. */
    public void markPublished(long id, Instant at) {
        db.update("UPDATE outbox SET published_at = ?, attempts = attempts + 1 WHERE id = ?", at, id);
    }

    /** A delivery receipt to record. */
    public record Confirmation(String messageId, String status, String detail) {
    }

    /**
     * Records broker acknowledgements and receipts in one transaction (one commit for a whole burst); returns how
     * many receipts confirmed a message that was still pending.
     */
    public int record(Collection<Long> published, Collection<Confirmation> confirmations, Instant at) {
        if (published.isEmpty() && confirmations.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            try (var ps = c.prepareStatement("UPDATE outbox SET published_at = ?, attempts = attempts + 1 "
                    + "WHERE id = ?")) {
                for (long id : published) {
                    ps.setObject(1, utc(at));
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int confirmed = 0;
            try (var ps = c.prepareStatement("UPDATE outbox SET confirmed_at = ?, receipt_status = ?, "
                    + "receipt_detail = ? WHERE message_id = ? AND confirmed_at IS NULL")) {
                for (Confirmation r : confirmations) {
                    ps.setObject(1, utc(at));
                    ps.setString(2, r.status());
                    ps.setString(3, truncate(r.detail()));
                    ps.setString(4, r.messageId());
                    confirmed += ps.executeUpdate();
                }
            }
            return confirmed;
        });
    }

    /** Records the post side's receipt; false if the message is unknown or was already confirmed. */
    public boolean markConfirmed(String messageId, Instant at, String status, String detail) {
        return db.update("UPDATE outbox SET confirmed_at = ?, receipt_status = ?, receipt_detail = ? "
                + "WHERE message_id = ? AND confirmed_at IS NULL", at, status, truncate(detail), messageId) == 1;
    }

    /** Drops the oldest pending row of {@code priority}; returns its message id, or empty if there is none. */
    public Optional<String> dropOldest(int priority, Instant at, String reason) {
        return db.transaction(c -> {
            List<Object[]> oldest = Database.query(c, "SELECT id, message_id FROM outbox WHERE " + PENDING
                    + " AND priority = ? ORDER BY id LIMIT 1", rs -> new Object[]{rs.getLong(1), rs.getString(2)},
                    priority);
            if (oldest.isEmpty()) {
                return Optional.empty();
            }
            Database.update(c, "UPDATE outbox SET dropped_at = ?, drop_reason = ? WHERE id = ?", at, reason,
                    oldest.getFirst()[0]);
            return Optional.of((String) oldest.getFirst()[1]);
        });
    }

    /** Drops one row for good (e.g. its artefact file vanished), keeping the reason. */
    public void drop(long id, Instant at, String reason) {
        db.update("UPDATE outbox SET dropped_at = ?, drop_reason = ? WHERE id = ? AND dropped_at IS NULL", at,
                reason.length() > 200 ? reason.substring(0, 200) : reason, id);
    }

    /** Marks pending rows whose expiry has passed as dropped; returns how many. */
    public int dropExpired(Instant now) {
        return db.update("UPDATE outbox SET dropped_at = ?, drop_reason = 'expired' WHERE " + PENDING
                + " AND expires_at IS NOT NULL AND expires_at <= ?", now, now);
    }

    /** Deletes rows confirmed or dropped before {@code cutoff}; returns how many. */
    public int deleteFinishedBefore(Instant cutoff) {
        return db.update("DELETE FROM outbox WHERE confirmed_at < ? OR dropped_at < ?", cutoff, cutoff);
    }

    /** Pending row counts per priority. */
    public Map<Integer, Long> pendingByPriority() {
        Map<Integer, Long> counts = new TreeMap<>();
        db.query("SELECT priority, COUNT(*) FROM outbox WHERE " + PENDING + " GROUP BY priority",
                rs -> counts.put(rs.getInt(1), rs.getLong(2)));
        return counts;
    }

    /** The row with this message id, if any. */
    public Optional<OutboxRow> find(String messageId) {
        return db.first("SELECT " + COLUMNS + " FROM outbox WHERE message_id = ?", OutboxStore::row, messageId);
    }

    /** All rows, oldest first (for tests and the status page; the table is bounded by housekeeping). */
    public List<OutboxRow> all() {
        return db.query("SELECT " + COLUMNS + " FROM outbox ORDER BY id", OutboxStore::row);
    }

    /** Number of rows in the table, whatever their state. */
    public long size() {
        return db.first("SELECT COUNT(*) FROM outbox", rs -> rs.getLong(1)).orElse(0L);
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getBoolean(6), rs.getInt(7), rs.getBytes(8), rs.getString(9), rs.getLong(10), rs.getInt(11),
                instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16),
                rs.getString(17), rs.getString(18), rs.getInt(19));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
