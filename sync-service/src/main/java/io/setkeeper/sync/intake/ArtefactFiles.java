package io.setkeeper.sync.intake;

import io.setkeeper.protocol.messages.ArtefactManifest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where artefact bytes live on the post side: each chunk in its own file as it arrives (so a restart keeps what came
 * and only missing chunks are needed), then the reassembled file, verified against the manifest's SHA-256.
 * Layout: {@code root/{production}/{artefact}/chunks/{index}} and {@code root/{production}/{artefact}/{name}}.
 */
public final class ArtefactFiles {
    /** The outcome of a reassembly. */
    public record Assembly(boolean verified, Path file, String detail) {
    }

    private final Path root;

    public ArtefactFiles(Path root) {
        this.root = root;
    }

    /** Stores a chunk atomically (write to a temporary file, then rename); false if it was already there. */
    public boolean putChunk(String production, String artefactId, int index, byte[] data) throws IOException {
        Path target = chunk(production, artefactId, index);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(index + ".part-" + Thread.currentThread().threadId());
        Files.write(tmp, data);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Number of chunks of the manifest present on disk. */
    public int present(String production, ArtefactManifest m) {
        int n = 0;
        for (int i = 0; i < m.chunkCount(); i++) {
            if (Files.exists(chunk(production, m.artefactId(), i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Concatenates all chunks into the final file while hashing it, and checks size and SHA-256 against the
     * manifest. On a mismatch the assembled file is deleted and the chunks kept for inspection.
     */
    public Assembly assemble(String production, ArtefactManifest m) throws IOException {
        Path dir = root.resolve(production).resolve(m.artefactId());
        Path out = dir.resolve(safeName(m.name()));
        MessageDigest sha = sha256();
        long size = 0;
        try (OutputStream o = Files.newOutputStream(out)) {
            for (int i = 0; i < m.chunkCount(); i++) {
                byte[] data = Files.readAllBytes(chunk(production, m.artefactId(), i));
                if (data.length != m.chunkLength(i)) {
                    return reject(out, "chunk " + i + " has " + data.length + " bytes, manifest says "
                            + m.chunkLength(i), o);
                }
                sha.update(data);
                o.write(data);
                size += data.length;
            }
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (size != m.size() || !actual.equals(m.sha256())) {
            Files.deleteIfExists(out);
            return new Assembly(false, null, "reassembled " + size + " bytes with SHA-256 " + actual
                    + ", manifest says " + m.size() + " bytes with " + m.sha256());
        }
        for (int i = 0; i < m.chunkCount(); i++) {
            Files.deleteIfExists(chunk(production, m.artefactId(), i));
        }
        return new Assembly(true, out, "");
    }

    /** SHA-256 of bytes as lower-case hex. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    private Assembly reject(Path out, String why, OutputStream o) throws IOException {
        o.close();
        Files.deleteIfExists(out);
        return new Assembly(false, null, why);
    }

    private Path chunk(String production, String artefactId, int index) {
        return root.resolve(production).resolve(artefactId).resolve("chunks").resolve(Integer.toString(index));
    }

    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "artefact" + s : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
