package io.setkeeper.protocol.interchange;

import java.util.Objects;

/**
 * A line of a text interchange file (EDL, ALE) that could not be read, with its 1-based line number, its text and
 * why. Readers collect these and go on with the next line, so one bad line never loses the rest of the file.
 */
public record LineIssue(int line, String text, String reason) {
    public LineIssue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason + " [" + text + "]";
    }
}
