package io.setkeeper.appliance.slate;

import io.setkeeper.appliance.text.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the script supervisor's CSV log. The first record is the header; columns are found by name
 * (case-insensitive: {@code file} or {@code clip}, {@code scene}, {@code setup}, {@code take}, {@code circled},
 * {@code camera}, {@code notes}), in any order. Quoted fields may hold commas, quotes and line ends. A bad line
 * (no file, more fields than the header, a quote never closed) becomes a {@link Problem}; the others are read.
 */
public final class SupervisorLogReader {

    private SupervisorLogReader() {
    }

    public static Parsed<SupervisorEntry> read(Path file) throws IOException {
        return parse(SidecarText.read(file));
    }

    public static Parsed<SupervisorEntry> parse(String text) {
        Parsed<Csv.Row> csv = SidecarCsv.parse(text);
        List<Problem> problems = new ArrayList<>(csv.problems());
        List<SupervisorEntry> entries = new ArrayList<>();
        List<Csv.Row> rows = csv.rows().stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            problems.add(Problem.ofFile("empty log: no header"));
            return new Parsed<>(entries, sorted(problems));
        }
        Csv.Row header = rows.getFirst();
        List<String> names = header.fields().stream().map(f -> canonical(f.strip())).toList();
        if (!names.contains("file")) {
            problems.add(new Problem(header.line(), "header has no 'file' column: " + header.fields()));
            return new Parsed<>(entries, sorted(problems));
        }
        for (Csv.Row row : rows.subList(1, rows.size())) {
            entry(row, header.fields(), names, problems).ifPresent(entries::add);
        }
        return new Parsed<>(entries, sorted(problems));
    }

    private static Optional<SupervisorEntry> entry(Csv.Row row, List<String> header, List<String> names,
                                                   List<Problem> problems) {
        List<String> fields = row.fields();
        if (fields.size() > names.size() && !fields.subList(names.size(), fields.size()).stream().allMatch(String::isBlank)) {
            problems.add(new Problem(row.line(), fields.size() + " fields for " + names.size()
                    + " columns: line skipped (an unquoted comma?)"));
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String value = i < fields.size() ? fields.get(i).strip() : "";
            if (values.putIfAbsent(names.get(i), value) == null && !isKnown(names.get(i)) && !value.isEmpty()) {
                extra.put(header.get(i).strip(), value);
            }
        }
        String file = values.getOrDefault("file", "");
        if (file.isEmpty()) {
            problems.add(new Problem(row.line(), "no file named: line skipped"));
            return Optional.empty();
        }
        boolean circled = false;
        try {
            circled = Flags.yes(values.getOrDefault("circled", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(row.line(), "circled '" + values.get("circled") + "' is not yes or no: read as not circled"));
        }
        return Optional.of(new SupervisorEntry(row.line(), file, opt(values, "scene"), opt(values, "setup"),
                opt(values, "take"), circled, opt(values, "camera"), opt(values, "notes"), extra));
    }

    private static String canonical(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "file", "clip", "file name", "filename", "source file", "clip name" -> "file";
            case "note", "notes", "comment", "comments" -> "notes";
            case "circle", "circled" -> "circled";
            case "cam", "camera" -> "camera";
            default -> c;
        };
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "file", "scene", "setup", "take", "circled", "camera", "notes" -> true;
            default -> false;
        };
    }

    private static Optional<String> opt(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line)).toList();
    }
}
