package io.setkeeper.appliance.store;

import io.setkeeper.appliance.plan.PlanLedger;
import io.setkeeper.appliance.plan.PlanSource;
import java.util.Optional;

/** The imported plan's source files in H2, one row per production and kind; a re-import replaces the row. */
public final class PlanStore implements PlanLedger {
    private final Database db;

    public PlanStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(String production, PlanSource s) {
        db.update("""
                MERGE INTO plan_source(production_id, kind, format, file_name, content, imported_at)
                KEY(production_id, kind) VALUES (?, ?, ?, ?, ?, ?)""", production, s.kind().name(), s.format(),
                s.fileName().orElse(null), s.content(), s.importedAt());
    }

    @Override
    public Optional<PlanSource> get(String production, PlanSource.Kind kind) {
        return db.first("SELECT format, file_name, content, imported_at FROM plan_source WHERE production_id = ?"
                + " AND kind = ?", rs -> new PlanSource(kind, rs.getString(1), SlateStore.opt(rs, 2), rs.getBytes(3),
                JobStore.instant(rs, 4).orElseThrow()), production, kind.name());
    }
}
