package io.setkeeper.appliance.store;

import io.setkeeper.appliance.clips.SlateEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Slate lines imported from sidecars. Importing the same file again replaces its lines. */
public final class SlateStore {
    private final Database db;
    private final Clock clock;

    public SlateStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void replace(String production, String sourceFile, List<SlateEntry> entries) {
        db.transaction(c -> {
            Database.update(c, "DELETE FROM slate_entry WHERE production_id = ? AND source_file = ?", production,
                    sourceFile);
            for (SlateEntry e : entries) {
                Database.update(c, """
                        INSERT INTO slate_entry(production_id, source_kind, source_file, line_no, match_name, match_path,
                          scene, setup, take_no, circled, camroll, camera, start_tc, notes, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", production, e.source().name(),
                        sourceFile, e.line(), e.matchName().orElse(null), e.matchPath().orElse(null),
                        e.scene().orElse(null), e.setup().orElse(null), e.take().orElse(null),
                        e.circled().orElse(null), e.camroll().orElse(null), e.camera().orElse(null),
                        e.startTimecode().orElse(null), e.notes().orElse(null), clock.instant());
            }
            return null;
        });
    }

    public List<SlateEntry> all(String production) {
        return db.query("""
                SELECT source_kind, source_file, line_no, match_name, match_path, scene, setup, take_no, circled,
                       camroll, camera, start_tc, notes FROM slate_entry WHERE production_id = ?
                ORDER BY source_file, line_no""", SlateStore::entry, production);
    }

    private static SlateEntry entry(ResultSet rs) throws SQLException {
        return new SlateEntry(SlateEntry.Source.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
                opt(rs, 4), opt(rs, 5), opt(rs, 6), opt(rs, 7), opt(rs, 8),
                Optional.ofNullable((Boolean) rs.getObject(9)), opt(rs, 10), opt(rs, 11), opt(rs, 12), opt(rs, 13));
    }

    static Optional<String> opt(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }
}
