package io.setkeeper.appliance.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that refuses every UPDATE and DELETE on the table it is attached to: the audit log of human
 * decisions is append-only at the database level, not only in the code (migration V30__review.sql).
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table = "?";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("table " + table + " is append-only: rows cannot be "
                + (newRow == null ? "deleted" : "updated"), "45000");
    }
}
