package io.setkeeper.appliance.slate;

import java.util.List;

/**
 * What a line-oriented sidecar reader produced: the rows it could read and, for every line it could not (or could
 * only partly) read, a {@link Problem} with the line number. A bad line never costs the other rows.
 *
 * @param rows     rows in file order
 * @param problems problems in file order; empty when the file was clean
 */
public record Parsed<T>(List<T> rows, List<Problem> problems) {

    public Parsed {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean clean() {
        return problems.isEmpty();
    }
}
