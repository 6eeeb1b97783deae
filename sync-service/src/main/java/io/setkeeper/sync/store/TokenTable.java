package io.setkeeper.sync.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens of the sync-service, stored as the SHA-256 of the token only. Same database as {@link SyncStore}. */
public final class TokenTable {
    /** A token's record (never the token itself). */
    public record Token(String name, String role, Instant createdAt) {
    }

    private final SyncStore store;

    public TokenTable(SyncStore store) {
        this.store = store;
    }

    static void create(Statement st) throws SQLException {
        st.execute("""
                CREATE TABLE IF NOT EXISTS api_tokens (
                    token_sha256 VARCHAR(64) PRIMARY KEY,
                    name VARCHAR(200) NOT NULL UNIQUE,
                    role VARCHAR(20) NOT NULL,
                    created_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
    }

    /** Stores a token's hash; false if the name (or hash) is taken. */
    public boolean insert(String sha256, Token t) {
        return store.insertOnce("INSERT INTO api_tokens (token_sha256, name, role, created_at) VALUES (?,?,?,?)",
                sha256, t.name(), t.role(), SyncStore.utc(t.createdAt()));
    }

    public Optional<Token> byHash(String sha256) {
        return store.q("SELECT name, role, created_at FROM api_tokens WHERE token_sha256 = ?", TokenTable::row, sha256)
                .stream().findFirst();
    }

    public List<Token> all() {
        return store.q("SELECT name, role, created_at FROM api_tokens ORDER BY created_at, name", TokenTable::row);
    }

    /** Revokes a token by name; false if there was none. */
    public boolean delete(String name) {
        try {
            return store.update("DELETE FROM api_tokens WHERE name = ?", name) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke token " + name + ": " + e.getMessage(), e);
        }
    }

    private static Token row(java.sql.ResultSet rs) throws SQLException {
        return new Token(rs.getString(1), rs.getString(2), SyncStore.instant(rs, 3));
    }
}
