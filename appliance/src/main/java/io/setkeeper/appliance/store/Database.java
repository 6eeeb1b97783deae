package io.setkeeper.appliance.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The appliance's H2 file database: a small connection pool, versioned migrations applied at open, and
 * helpers that keep JDBC boilerplate out of the stores. {@code WRITE_DELAY=0} makes every commit reach the file
 * at once, so a {@code kill -9} never loses a committed verification.
 */
public final class Database implements AutoCloseable {
    /** Maps one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final JdbcConnectionPool pool;
    private final Path file;

    private Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /** Opens (creating if needed) {@code dir/setkeeper.mv.db} and applies pending migrations. */
    public static Database open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create data folder " + dir + ": " + e.getMessage(), e);
        }
        Path base = dir.toAbsolutePath().normalize().resolve("setkeeper");
        String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "setkeeper", "");
        pool.setMaxConnections(16);
        Database db = new Database(pool, Path.of(base + ".mv.db"));
        new Migrations(db).apply();
        return db;
    }

    /** The database file on disk. */
    public Path file() {
        return file;
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Executes an update (insert, update, delete) in its own transaction; returns the row count. */
    public int update(String sql, Object... params) {
        return transaction(c -> update(c, sql, params));
    }

    /** Executes an update on a given connection. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return transaction(c -> query(c, sql, mapper, params));
    }

    /** Runs a query on a given connection. */
    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    /** True when the database answers a trivial query (the readiness check). */
    public boolean ping() {
        try {
            return first("SELECT 1", rs -> rs.getInt(1)).orElse(0) == 1;
        } catch (StoreException e) {
            return false;
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.Instant instant) {
                ps.setObject(i + 1, instant.atOffset(java.time.ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static String resource(String name) {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new StoreException("missing migration resource " + name, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + name, e);
        }
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed
        }
        pool.dispose();
    }
}
