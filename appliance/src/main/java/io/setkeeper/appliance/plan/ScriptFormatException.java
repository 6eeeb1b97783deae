package io.setkeeper.appliance.plan;

/**
 * A screenplay file that cannot be read at all (not XML, not Final Draft, not decodable), with the line where
 * reading stopped when the format tells it.
 */
public final class ScriptFormatException extends Exception {
    private final int line;

    public ScriptFormatException(String message, int line, Throwable cause) {
        super((line > 0 ? "line " + line + ": " : "") + message, cause);
        this.line = line;
    }

    /** The 1-based line where reading failed, or 0 when unknown. */
    public int line() {
        return line;
    }
}
