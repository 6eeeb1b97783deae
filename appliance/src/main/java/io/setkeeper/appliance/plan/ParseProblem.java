package io.setkeeper.appliance.plan;

import java.util.Objects;

/**
 * Something wrong in an imported file that did not stop the import: where it is and what it is.
 *
 * @param line    the 1-based line in the source file, or 0 when the format gives no line
 * @param message what is wrong and what the importer did about it
 */
public record ParseProblem(int line, String message) {
    public ParseProblem {
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + message;
    }
}
