package io.setkeeper.appliance.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The model files the appliance may run, each registered under a name with its expected SHA-256. Loading reads
 * the file once, hashes exactly those bytes and hands the same bytes to ONNX Runtime, so a file swapped or
 * tampered with after registration is refused with a clear message instead of being run.
 */
public final class ModelRegistry {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A registration: name, file and expected hash (lower-case hex). */
    public record Entry(String name, Path file, String sha256) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Model bytes whose hash matched the registration. */
    public record VerifiedModel(Entry entry, byte[] bytes) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Registers (or re-registers) a model; the hash must be 64 hex digits. */
    public Entry register(String name, Path file, String sha256) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        String hash = Objects.requireNonNull(sha256, "sha256").trim().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("model '" + name + "': SHA-256 must be 64 hex digits, got '" + sha256 + "'");
        }
        Entry entry = new Entry(name, file.toAbsolutePath().normalize(), hash);
        entries.put(name, entry);
        return entry;
    }

    /** The registration for a name. */
    public Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new ModelRejectedException("model '" + name + "' is not registered (registered: " + entries.keySet() + ")");
        }
        return entry;
    }

    /** Reads the registered file and returns its bytes only if their SHA-256 matches the registered one. */
    public VerifiedModel load(String name) {
        Entry entry = entry(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry.file());
        } catch (IOException e) {
            throw new ModelRejectedException("model '" + name + "': cannot read " + entry.file() + ": " + e, e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(entry.sha256())) {
            throw new ModelRejectedException("model '" + name + "': " + entry.file() + " has SHA-256 " + actual
                    + " but " + entry.sha256() + " is registered; refusing to load a changed or tampered model");
        }
        return new VerifiedModel(entry, bytes);
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
