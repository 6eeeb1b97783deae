package io.setkeeper.appliance.slate;

/**
 * Something wrong in a sidecar that did not stop the rest of it from being read: a bad line of an ALE or CSV, a
 * malformed iXML chunk, a truncated RIFF chunk.
 *
 * @param line    1-based line of a text sidecar, or 0 when the problem is not about one line (binary files, the
 *                whole file)
 * @param message what is wrong, in words a DIT can act on
 */
public record Problem(int line, String message) {

    public Problem {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /** A problem about the whole file or a binary part of it. */
    public static Problem ofFile(String message) {
        return new Problem(0, message);
    }

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
