package io.setkeeper.sync.auth;

import io.setkeeper.sync.store.TokenTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Bearer tokens for the post REST API: 32 random bytes, URL-safe base64 with a {@code skp_} prefix, shown once;
 * only their SHA-256 is stored. At the first start (no admin token stored) a bootstrap admin token is made and
 * written to {@code <sync.data-dir>/admin-token} (owner-only, 0600), as the appliance does.
 */
public final class ApiTokens {
    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());
    /** The bootstrap admin token's file name in the data folder. */
    public static final String ADMIN_TOKEN_FILE = "admin-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as issued: the only time its text is visible. */
    public record Issued(String name, Role role, String token) {
    }

    private final TokenTable table;
    private final Clock clock;

    public ApiTokens(TokenTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Makes the bootstrap admin token if no admin token exists; returns the file it was written to. */
    public synchronized Optional<Path> bootstrap(Path dataDir) {
        if (table.all().stream().anyMatch(t -> t.role().equals(Role.ADMIN.label()))) {
            return Optional.empty();
        }
        Issued admin = issue("bootstrap-admin", Role.ADMIN);
        Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve("." + ADMIN_TOKEN_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data folder's own permissions apply
            }
            Files.writeString(tmp, admin.token() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap admin token to " + file, e);
        }
        LOG.info(() -> "bootstrap admin token written to " + file + " (owner-only)");
        return Optional.of(file);
    }

    /** Issues a new token; names are unique. */
    public Issued issue(String name, Role role) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a token needs a name of 1-200 characters");
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = "skp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        if (!table.insert(hash(token), new TokenTable.Token(name.strip(), role.label(), clock.instant()))) {
            throw new IllegalStateException("a token named '" + name.strip() + "' exists already");
        }
        return new Issued(name.strip(), role, token);
    }

    /** The role of a presented token, if it is a known one. */
    public Optional<Role> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return table.byHash(hash(token.strip())).map(t -> Role.parse(t.role()));
    }

    public TokenTable table() {
        return table;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
