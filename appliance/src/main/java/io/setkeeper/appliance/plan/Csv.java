package io.setkeeper.appliance.plan;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 CSV reader that keeps each record's starting line and reports unterminated quotes. */
final class Csv {
    private Csv() {
    }

    /** One record; {@code error} is non-null when the record is malformed. */
    record Row(int line, List<String> fields, String error) {
    }

    /** The records of a CSV text; an unterminated quote spoils only its own line, reading resumes after it. */
    static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        rows(text, 1, rows);
        return rows;
    }

    private static void rows(String text, int firstLine, List<Row> rows) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        String error = null;
        int line = firstLine;
        int start = firstLine;
        int startIndex = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (quoted) {
                if (i == n) {
                    rows.add(new Row(start, List.of(), "unterminated quoted field"));
                    int next = text.indexOf('\n', startIndex);
                    if (next >= 0) {
                        rows(text.substring(next + 1), start + 1, rows);
                    }
                    return;
                }
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.isEmpty() && !afterQuote) {
                        quoted = true;
                    } else {
                        field.append(c); // a quote inside an unquoted field (5" monitor) is kept as text
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                }
                case '\r' -> { }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    if (error != null && line > start) {
                        // a quote left open swallowed the next lines: report this line, read on from the next one
                        rows.add(new Row(start, List.of(), "unterminated quoted field"));
                        int next = text.indexOf('\n', startIndex);
                        rows(text.substring(next + 1), start + 1, rows);
                        return;
                    }
                    boolean empty = fields.size() == 1 && fields.get(0).isEmpty();
                    if (!empty || error != null) {
                        rows.add(new Row(start, fields, error));
                    }
                    fields = new ArrayList<>();
                    error = null;
                    line++;
                    start = line;
                    startIndex = i + 1;
                    if (i == n) {
                        return;
                    }
                }
                default -> {
                    if (afterQuote && error == null) {
                        error = "text after a closing quote in field " + (fields.size() + 1);
                    }
                    field.append(c);
                }
            }
        }
    }
}
