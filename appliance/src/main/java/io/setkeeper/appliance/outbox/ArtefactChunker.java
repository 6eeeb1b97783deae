package io.setkeeper.appliance.outbox;

import io.setkeeper.protocol.messages.ArtefactManifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads an artefact file once and describes it as a manifest: total size, SHA-256 of every chunk and of the whole.
 * The chunk bytes themselves stay in the file until they are published.
 */
public final class ArtefactChunker {
    private ArtefactChunker() {
    }

    /** The manifest of {@code file} cut in {@code chunkSize} chunks. */
    public static ArtefactManifest manifest(Path file, String artefactId, String kind, int chunkSize,
                                            String signature) throws IOException {
        if (chunkSize < ArtefactManifest.MIN_CHUNK || chunkSize > ArtefactManifest.MAX_CHUNK) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is outside 256 KiB to 4 MiB");
        }
        MessageDigest whole = sha256();
        MessageDigest part = sha256();
        List<String> chunks = new ArrayList<>();
        long size = 0;
        byte[] buffer = new byte[chunkSize];
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.readNBytes(buffer, 0, chunkSize);
                if (n == 0) {
                    break;
                }
                whole.update(buffer, 0, n);
                part.update(buffer, 0, n);
                chunks.add(HexFormat.of().formatHex(part.digest()));
                size += n;
                if (n < chunkSize) {
                    break;
                }
            }
        }
        return new ArtefactManifest(artefactId, kind, file.getFileName().toString(), size, chunkSize,
                HexFormat.of().formatHex(whole.digest()), chunks, signature);
    }

    /** Reads chunk {@code index} of a file described by {@code manifest}. */
    public static byte[] read(Path file, long offset, int length) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(length);
            while (buf.hasRemaining()) {
                int n = ch.read(buf, offset + buf.position());
                if (n < 0) {
                    throw new IOException(file + " is shorter than its manifest: ended at "
                            + (offset + buf.position()));
                }
            }
            return buf.array();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
