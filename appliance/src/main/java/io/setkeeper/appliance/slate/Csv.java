package io.setkeeper.appliance.slate;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, double quotes around fields that hold commas, quotes
 * ({@code ""}) or line ends. Any of LF, CRLF, CR ends a record. An unterminated quote becomes a {@link Problem} at
 * the line where the record started; the records before it are kept.
 */
final class Csv {

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private Csv() {
    }

    static Parsed<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int from = 0;
        int line = 1;
        while (from >= 0) {
            int[] resume = parseFrom(text, from, line, rows, problems);
            from = resume[0];
            line = resume[1];
        }
        return new Parsed<>(rows, problems);
    }

    /**
     * Parses from {@code i} to the end. When a quote is never closed, reports it and returns where to resume: the
     * line after the one that opened the broken record. Otherwise returns {@code -1}.
     */
    private static int[] parseFrom(String text, int i, int line, List<Row> rows, List<Problem> problems) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int rowLine = line;
        int rowStart = i;
        boolean quoted = false;
        boolean afterQuote = false;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                line++;
                rowLine = line;
                rowStart = i + 1;
            } else if (c == '"' && field.toString().isBlank() && !afterQuote) {
                field.setLength(0);
                quoted = true;
            } else {
                field.append(c); // text after a closing quote or a stray quote mid-field is kept as written
            }
            i++;
        }
        if (quoted) {
            problems.add(new Problem(rowLine, "a quote opened on this line is never closed: line skipped"));
            int end = rowStart;
            while (end < n && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            return new int[] {end < n ? end + 1 : -1, rowLine + 1};
        }
        if (!fields.isEmpty() || !field.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return new int[] {-1, line};
    }
}
