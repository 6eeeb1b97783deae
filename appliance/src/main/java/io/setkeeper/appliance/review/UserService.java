package io.setkeeper.appliance.review;

import io.setkeeper.appliance.store.ReviewStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Users, roles and tokens: creates users, issues tokens (returned once, stored as a hash), authenticates a bearer
 * token, and at first start creates the bootstrap admin whose token is written to an owner-only file.
 */
public final class UserService {
    private static final Logger LOG = Logger.getLogger(UserService.class.getName());
    /** The bootstrap admin token's file name in the data folder. */
    public static final String ADMIN_TOKEN_FILE = "admin-token";

    /** A user and a freshly issued token (the only time the token is visible). */
    public record Issued(User user, String token) {
    }

    private final ReviewStore store;
    private final Clock clock;

    public UserService(ReviewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a user with a first token. Names are unique. */
    public Issued create(String name, Role role) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ReviewException.invalid("a user needs a name of 1-200 characters");
        }
        String clean = name.strip();
        if (store.users().stream().anyMatch(u -> u.name().equalsIgnoreCase(clean))) {
            throw ReviewException.conflict("a user named '" + clean + "' exists already");
        }
        User user = new User(UUID.randomUUID().toString(), clean, role, clock.instant());
        store.insertUser(new ReviewStore.UserRow(user.id(), user.name(), role.name(), user.createdAt()));
        return new Issued(user, issue(user.id(), "first token"));
    }

    /** Issues another token for a user. */
    public Issued issueToken(String userId, String label) {
        User user = user(userId).orElseThrow(() -> ReviewException.notFound("no user " + userId));
        return new Issued(user, issue(userId, label == null || label.isBlank() ? "token" : label));
    }

    /** Revokes every token of a user. */
    public int revoke(String userId) {
        user(userId).orElseThrow(() -> ReviewException.notFound("no user " + userId));
        return store.revokeTokens(userId, clock.instant());
    }

    public java.util.List<User> users() {
        return store.users().stream().map(UserService::user).toList();
    }

    public Optional<User> user(String id) {
        return store.user(id).map(UserService::user);
    }

    /** The user holding this token, if it is known and not revoked. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.userByTokenHash(Tokens.hash(token.strip())).map(UserService::user);
    }

    /**
     * At first start (no users yet) creates the user {@code admin} with role ADMIN and writes its token to
     * {@code dataDir/admin-token}, readable by the owner only. Returns the file when one was written.
     */
    public Optional<Path> bootstrap(Path dataDir) {
        if (!store.users().isEmpty()) {
            return Optional.empty();
        }
        Issued admin = create("admin", Role.ADMIN);
        Path file = dataDir.toAbsolutePath().resolve(ADMIN_TOKEN_FILE);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, admin.token() + "\n");
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot write the admin token: " + file + " appeared meanwhile", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token to " + file, e);
        }
        LOG.warning(() -> "created the bootstrap admin; its API token is in " + file
                + " (owner-only). Use it to create users (POST /api/users), then keep or delete the file.");
        return Optional.of(file);
    }

    private String issue(String userId, String label) {
        String token = Tokens.generate();
        store.insertToken(Tokens.hash(token), userId, label, clock.instant());
        return token;
    }

    private static User user(ReviewStore.UserRow r) {
        return new User(r.id(), r.name(), Role.valueOf(r.role()), r.createdAt());
    }
}
