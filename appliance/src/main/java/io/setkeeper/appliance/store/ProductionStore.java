package io.setkeeper.appliance.store;

import io.setkeeper.appliance.ingest.Card;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Productions, shoot days and cards. */
public final class ProductionStore {
    /** A production: everything on the box belongs to exactly one. */
    public record Production(String id, String name) {
    }

    /** A shoot day of a production. */
    public record ShootDay(long id, String production, LocalDate date, String label) {
    }

    private final Database db;
    private final Clock clock;

    public ProductionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates the production if it does not exist; returns it either way. */
    public Production ensure(String id, String name) {
        db.update("MERGE INTO production(id, name, created_at) KEY(id) SELECT ?, COALESCE((SELECT name FROM "
                + "production WHERE id = ?), ?), COALESCE((SELECT created_at FROM production WHERE id = ?), ?)",
                id, id, name, id, clock.instant());
        return production(id).orElseThrow();
    }

    public Optional<Production> production(String id) {
        return db.first("SELECT id, name FROM production WHERE id = ?",
                rs -> new Production(rs.getString(1), rs.getString(2)), id);
    }

    public List<Production> productions() {
        return db.query("SELECT id, name FROM production ORDER BY id",
                rs -> new Production(rs.getString(1), rs.getString(2)));
    }

    /** The shoot day for a date, created on first use (label "Day N" in order of creation). */
    public ShootDay day(String production, LocalDate date) {
        return db.transaction(c -> {
            var existing = Database.query(c, "SELECT id, label FROM shoot_day WHERE production_id = ? AND day_date = ?",
                    rs -> new ShootDay(rs.getLong(1), production, date, rs.getString(2)), production, date);
            if (!existing.isEmpty()) {
                return existing.getFirst();
            }
            int n = Database.query(c, "SELECT COUNT(*) FROM shoot_day WHERE production_id = ?", rs -> rs.getInt(1),
                    production).getFirst() + 1;
            Database.update(c, "INSERT INTO shoot_day(production_id, day_date, label) VALUES (?, ?, ?)",
                    production, date, "Day " + n);
            return Database.query(c, "SELECT id, label FROM shoot_day WHERE production_id = ? AND day_date = ?",
                    rs -> new ShootDay(rs.getLong(1), production, date, rs.getString(2)), production, date).getFirst();
        });
    }

    public List<ShootDay> days(String production) {
        return db.query("SELECT id, day_date, label FROM shoot_day WHERE production_id = ? ORDER BY day_date",
                rs -> new ShootDay(rs.getLong(1), production, rs.getObject(2, LocalDate.class), rs.getString(3)),
                production);
    }

    /** Registers a card unless one with the same id exists. */
    public Card card(Card card) {
        db.update("""
                MERGE INTO card(id, production_id, shoot_day_id, label, source_path, fingerprint, file_count,
                                byte_count, created_at) KEY(id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT created_at FROM card WHERE id = ?), ?))""",
                card.id(), card.production(), card.shootDay().orElse(null), card.label(), card.source().toString(),
                card.fingerprint(), card.fileCount(), card.byteCount(), card.id(), card.createdAt());
        return findCard(card.id()).orElseThrow();
    }

    public Optional<Card> findCard(String id) {
        return db.first(CARD_SQL + " WHERE id = ?", ProductionStore::card, id);
    }

    public List<Card> cards(String production) {
        return db.query(CARD_SQL + " WHERE production_id = ? ORDER BY created_at", ProductionStore::card, production);
    }

    private static final String CARD_SQL = "SELECT id, production_id, shoot_day_id, label, source_path, fingerprint,"
            + " file_count, byte_count, created_at FROM card";

    private static Card card(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Card(rs.getString(1), rs.getString(2), Optional.ofNullable((Long) rs.getObject(3)),
                rs.getString(4), Path.of(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getLong(8),
                JobStore.instant(rs, 9).orElseThrow());
    }
}
