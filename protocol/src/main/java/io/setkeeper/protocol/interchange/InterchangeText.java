package io.setkeeper.protocol.interchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of line-based interchange files (EDL, ALE): how it is decoded and cut into numbered lines. */
public final class InterchangeText {
    private InterchangeText() {
    }

    /**
     * A file's text as UTF-8, falling back to ISO-8859-1 (older Avid exports) when it is not UTF-8.
     *
     * @param kind what the file should be ("an EDL"), for the message when it is empty
     * @throws InterchangeException when it cannot be read or is empty
     */
    public static String read(Path file, String kind) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InterchangeException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new InterchangeException(file + ": empty file, not " + kind);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The lines of a text, line {@code i} being line number {@code i + 1}: split at LF, CRLF or a bare CR (classic
     * Mac software), a leading byte-order mark dropped. A final line end does not make an extra line.
     */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
