package io.setkeeper.appliance.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Versioned schema migrations: {@code db/migration/INDEX} lists {@code V<n>__<name>.sql} files in order; each one
 * not yet recorded in {@code schema_version} runs in its own transaction and is recorded with it.
 */
final class Migrations {
    private final Database db;

    Migrations(Database db) {
        this.db = db;
    }

    void apply() {
        db.update("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INT PRIMARY KEY, name VARCHAR(255) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)
                """);
        Set<Integer> applied = db.query("SELECT version FROM schema_version", rs -> rs.getInt(1))
                .stream().collect(Collectors.toSet());
        for (String name : index()) {
            int version = version(name);
            if (applied.contains(version)) {
                continue;
            }
            String sql = Database.resource(name);
            db.transaction(c -> {
                for (String statement : statements(sql)) {
                    try (var st = c.createStatement()) {
                        st.execute(statement);
                    }
                }
                Database.update(c, "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)",
                        version, name, Instant.now());
                return null;
            });
        }
    }

    static List<String> index() {
        return Database.resource("INDEX").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    static int version(String name) {
        if (!name.matches("V\\d+__[A-Za-z0-9_]+\\.sql")) {
            throw new StoreException("migration name must look like V<n>__<name>.sql: " + name, null);
        }
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** Splits a script on ';' at line ends, dropping '--' comment lines. */
    static List<String> statements(String sql) {
        String withoutComments = sql.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
