package io.setkeeper.appliance.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The one RFC 4180 reader of the appliance (shot lists, supervisor logs, sound reports): comma-separated fields,
 * double quotes around fields that hold commas, quotes ({@code ""}) or line ends. Any of LF, CRLF, CR ends a record.
 * A quote may follow blanks at the start of a field; a quote inside an unquoted field ({@code 5" monitor}) is text.
 * <p>
 * Malformed input never throws and never costs other records: a quote that is never closed (or that swallowed the
 * next lines and then was followed by stray text) yields an {@link Row#unterminated() unterminated} row at the line
 * the record started on and reading resumes on the next line; text after a closing quote is kept as written and
 * noted in {@link Row#error()}.
 */
public final class Csv {

    /** The error of a record whose quote never closes; such a row has no fields. */
    public static final String UNTERMINATED = "unterminated quoted field";

    /**
     * One record.
     *
     * @param line   1-based line the record starts on
     * @param fields the fields, as read
     * @param error  null, {@link #UNTERMINATED}, or "text after a closing quote in field N" (fields kept)
     */
    public record Row(int line, List<String> fields, String error) {
        public Row {
            fields = List.copyOf(fields);
        }

        /** True when every field is blank. */
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }

        /** True for the record of a quote that never closes: it has no fields. */
        public boolean unterminated() {
            return UNTERMINATED.equals(error);
        }
    }

    private Csv() {
    }

    /** The records of {@code text} in order; a line that holds nothing yields a row with one empty field. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int from = 0;
        int line = 1;
        while (from >= 0) {
            int[] resume = parseFrom(text, from, line, rows);
            from = resume[0];
            line = resume[1];
        }
        return List.copyOf(rows);
    }

    /**
     * Parses from {@code i} to the end. When a quote is never closed, reports it and returns where to resume: the
     * line after the one that opened the broken record. Otherwise returns {@code -1}.
     */
    private static int[] parseFrom(String text, int i, int line, List<Row> rows) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int rowLine = line;
        int rowStart = i;
        boolean quoted = false;
        boolean afterQuote = false;
        String error = null;
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
                if (error != null && line > rowLine) {
                    // a quote left open swallowed the next lines: report its line, read on from the next one
                    return unterminated(text, rowStart, rowLine, rows);
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                rows.add(new Row(rowLine, fields, error));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                error = null;
                line++;
                rowLine = line;
                rowStart = i + 1;
            } else if (c == '"' && field.toString().isBlank() && !afterQuote) {
                field.setLength(0);
                quoted = true;
            } else {
                if (afterQuote && error == null) {
                    error = "text after a closing quote in field " + (fields.size() + 1);
                }
                field.append(c); // text after a closing quote or a stray quote mid-field is kept as written
            }
            i++;
        }
        if (quoted || (error != null && line > rowLine)) {
            return unterminated(text, rowStart, rowLine, rows);
        }
        if (!fields.isEmpty() || !field.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, fields, error));
        }
        return new int[] {-1, line};
    }

    /** Records the broken record and returns where to resume: the line after the one it started on. */
    private static int[] unterminated(String text, int rowStart, int rowLine, List<Row> rows) {
        rows.add(new Row(rowLine, List.of(), UNTERMINATED));
        int n = text.length();
        int end = rowStart;
        while (end < n && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
            end++;
        }
        return new int[] {end < n ? end + 1 : -1, rowLine + 1};
    }
}
