package io.setkeeper.appliance.store;

import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.Slate;
import io.setkeeper.appliance.clips.SlateEntry;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Clips in H2, one row per media file of a card; the slate is merged from the slate lines on read. */
public final class ClipStore {
    private static final String COLUMNS = "id, production_id, card_id, rel_path, file_name, media_path, kind, status,"
            + " error, camera, roll, clip_number, start_tc, fps, width, height, duration_s, probe_json, created_at";

    private final Database db;
    private final SlateStore slates;

    public ClipStore(Database db, SlateStore slates) {
        this.db = db;
        this.slates = slates;
    }

    /** Inserts or replaces the clip for (card, path); returns its id. */
    public long upsert(Clip c) {
        return db.transaction(conn -> {
            Database.update(conn, """
                    MERGE INTO clip(production_id, card_id, rel_path, file_name, media_path, kind, status, error,
                      camera, roll, clip_number, start_tc, fps, width, height, duration_s, scene, setup, take_no,
                      circled, probe_json, created_at) KEY(card_id, rel_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    c.production(), c.cardId(), c.relPath(), c.fileName(), c.mediaPath().toString(), c.kind(),
                    c.status().name(), c.error().orElse(null), c.camera().orElse(null), c.roll().orElse(null),
                    c.clipNumber().orElse(null), c.startTimecode().orElse(null), c.fps().orElse(null),
                    c.width().orElse(null), c.height().orElse(null), c.durationSeconds().orElse(null),
                    c.slate().scene().orElse(null), c.slate().setup().orElse(null), c.slate().take().orElse(null),
                    c.slate().circled().orElse(null), c.probeJson(), c.createdAt());
            return Database.query(conn, "SELECT id FROM clip WHERE card_id = ? AND rel_path = ?", rs -> rs.getLong(1),
                    c.cardId(), c.relPath()).getFirst();
        });
    }

    /** Re-merges every clip's slate columns from the slate lines (after a sidecar import). */
    public void refreshSlates(String production) {
        List<SlateEntry> entries = slates.all(production);
        for (Clip c : clips(production, entries)) {
            Slate s = merged(c.relPath(), entries);
            db.update("UPDATE clip SET scene = ?, setup = ?, take_no = ?, circled = ? WHERE id = ?",
                    s.scene().orElse(null), s.setup().orElse(null), s.take().orElse(null), s.circled().orElse(null),
                    c.id());
        }
    }

    public List<Clip> clips(String production) {
        return clips(production, slates.all(production));
    }

    public List<Clip> byCard(String cardId) {
        return db.query("SELECT " + COLUMNS + " FROM clip WHERE card_id = ? ORDER BY rel_path", rs -> row(rs, List.of()),
                cardId).stream().map(c -> withSlate(c, slates.all(c.production()))).toList();
    }

    public Optional<Clip> clip(long id) {
        return db.first("SELECT " + COLUMNS + " FROM clip WHERE id = ?", rs -> row(rs, List.of()), id)
                .map(c -> withSlate(c, slates.all(c.production())));
    }

    private List<Clip> clips(String production, List<SlateEntry> entries) {
        return db.query("SELECT " + COLUMNS + " FROM clip WHERE production_id = ? ORDER BY card_id, rel_path",
                rs -> row(rs, entries), production);
    }

    private static Clip withSlate(Clip c, List<SlateEntry> entries) {
        return new Clip(c.id(), c.production(), c.cardId(), c.relPath(), c.fileName(), c.mediaPath(), c.kind(),
                c.status(), c.error(), c.camera(), c.roll(), c.clipNumber(), c.startTimecode(), c.fps(), c.width(),
                c.height(), c.durationSeconds(), merged(c.relPath(), entries), c.probeJson(), c.createdAt());
    }

    private static Slate merged(String relPath, List<SlateEntry> entries) {
        return Slate.merge(entries.stream().filter(e -> e.matches(relPath)).toList());
    }

    private static Clip row(ResultSet rs, List<SlateEntry> entries) throws SQLException {
        String relPath = rs.getString(4);
        return new Clip(rs.getLong(1), rs.getString(2), rs.getString(3), relPath, rs.getString(5),
                Path.of(rs.getString(6)), rs.getString(7), Clip.Status.valueOf(rs.getString(8)),
                SlateStore.opt(rs, 9), SlateStore.opt(rs, 10), SlateStore.opt(rs, 11), SlateStore.opt(rs, 12),
                SlateStore.opt(rs, 13), SlateStore.opt(rs, 14), Optional.ofNullable((Integer) rs.getObject(15)),
                Optional.ofNullable((Integer) rs.getObject(16)), Optional.ofNullable((Double) rs.getObject(17)),
                merged(relPath, entries), rs.getString(18), JobStore.instant(rs, 19).orElseThrow());
    }
}
