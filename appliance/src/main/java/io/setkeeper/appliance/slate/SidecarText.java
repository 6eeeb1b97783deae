package io.setkeeper.appliance.slate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text sidecar the way they arrive on set: UTF-8 with or without a BOM, or Windows-1252 from older tools,
 * with LF, CRLF or the bare CR line ends of classic Mac software (WaveAgent sound reports).
 */
final class SidecarText {

    /** Sidecars are small; anything bigger is not a sidecar. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private SidecarText() {
    }

    /** The decoded text of a file. */
    static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + " is " + size + " bytes: too big for a sidecar (limit " + MAX_BYTES + ")");
        }
        return decode(Files.readAllBytes(file));
    }

    /** UTF-8 when the bytes are valid UTF-8 (BOM dropped), Windows-1252 otherwise. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, java.nio.charset.Charset.forName("windows-1252"));
        }
    }
}
