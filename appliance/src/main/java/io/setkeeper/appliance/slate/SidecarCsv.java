package io.setkeeper.appliance.slate;

import io.setkeeper.appliance.text.Csv;
import java.util.ArrayList;
import java.util.List;

/** CSV sidecars (supervisor logs, sound reports) read with the shared {@link Csv}: a broken record is a {@link Problem}. */
final class SidecarCsv {

    private SidecarCsv() {
    }

    /** The records of {@code text}; a quote that never closes costs only the line it opened on. */
    static Parsed<Csv.Row> parse(String text) {
        List<Csv.Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Csv.Row row : Csv.parse(text)) {
            if (row.unterminated()) {
                problems.add(new Problem(row.line(), "a quote opened on this line is never closed: line skipped"));
            } else {
                rows.add(row);
            }
        }
        return new Parsed<>(rows, problems);
    }
}
