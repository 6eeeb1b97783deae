package io.setkeeper.protocol.interchange.ale;

import io.setkeeper.protocol.interchange.InterchangeText;
import io.setkeeper.protocol.interchange.LineIssue;
import io.setkeeper.protocol.interchange.cdl.AscSop;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Avid Log Exchange files leniently: any columns in any order (unknown ones kept by name), rows shorter than
 * the header (missing trailing fields are empty), rows longer than it (extra fields kept as {@code #131} and
 * reported), LF, CRLF or CR line ends. Lines it cannot use are reported with their number and the rest is read on.
 */
public final class AleReader {
    private AleReader() {
    }

    /** Reads an ALE file as UTF-8, falling back to ISO-8859-1 (older Avid exports) when it is not UTF-8. */
    public static Ale read(Path file) {
        return parse(InterchangeText.read(file, "an ALE"));
    }

    /** Reads ALE text. Never throws for content: problems become {@link Ale#issues()}. */
    public static Ale parse(String text) {
        Map<String, String> heading = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        List<AleClip> clips = new ArrayList<>();
        List<LineIssue> issues = new ArrayList<>();
        AleLines.scan(text, (section, keyword, number, line) -> {
            if (keyword) {
                return;
            }
            switch (section) {
                case START -> issues.add(new LineIssue(number, line, "text before the Heading section"));
                case HEADING -> heading(line, number, heading, issues);
                case COLUMN -> {
                    if (!columns.isEmpty()) {
                        issues.add(new LineIssue(number, line, "a second column line; the first one is used"));
                    } else {
                        columns.addAll(columnNames(line, number, issues));
                    }
                }
                case DATA -> {
                    if (columns.isEmpty()) {
                        issues.add(new LineIssue(number, line, "data row without a Column section before it"));
                    } else {
                        row(line, number, columns, issues).ifPresent(clips::add);
                    }
                }
            }
        });
        return new Ale(heading, columns, clips, issues);
    }

    private static void heading(String line, int number, Map<String, String> heading, List<LineIssue> issues) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            issues.add(new LineIssue(number, line, "heading line without a tab between name and value"));
            return;
        }
        String key = line.substring(0, tab).trim();
        String value = line.substring(tab + 1).trim();
        if (key.equals("FIELD_DELIM") && !value.equalsIgnoreCase("TABS")) {
            issues.add(new LineIssue(number, line, "FIELD_DELIM " + value + " is not supported; reading as TABS"));
        }
        heading.put(key, value);
    }

    private static List<String> columnNames(String line, int number, List<LineIssue> issues) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] parts = line.split("\t", -1);
        int last = parts.length;
        while (last > 0 && parts[last - 1].isBlank()) {
            last--;
        }
        for (int c = 0; c < last; c++) {
            String name = parts[c].trim();
            if (name.isEmpty()) {
                name = "#" + (c + 1);
                issues.add(new LineIssue(number, line, "column " + (c + 1) + " has no name; kept as " + name));
            }
            int count = seen.merge(name, 1, Integer::sum);
            if (count > 1) {
                String renamed = name + "#" + count;
                issues.add(new LineIssue(number, line, "column '" + name + "' repeats; kept as " + renamed));
                name = renamed;
            }
            names.add(name);
        }
        if (!names.contains(AleColumns.NAME)) {
            issues.add(new LineIssue(number, line, "no Name column; clip names will be empty"));
        }
        return names;
    }

    private static Optional<AleClip> row(String line, int number, List<String> columns, List<LineIssue> issues) {
        String[] fields = line.split("\t", -1);
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < fields.length; c++) {
            String value = fields[c].trim();
            if (c < columns.size()) {
                values.put(columns.get(c), value);
            } else if (!value.isEmpty()) {
                String key = "#" + (c + 1);
                values.put(key, value);
                issues.add(new LineIssue(number, line, "field " + (c + 1) + " '" + value + "' is beyond the "
                        + columns.size() + " columns; kept as " + key));
            }
        }
        String name = values.getOrDefault(AleColumns.NAME, "");
        Optional<Cdl> cdl = Optional.empty();
        String sop = values.getOrDefault(AleColumns.ASC_SOP, "");
        String sat = values.getOrDefault(AleColumns.ASC_SAT, "");
        boolean cdlRead = false;
        if (!sop.isEmpty()) {
            try {
                cdl = Optional.of(AscSop.cdl(name, sop, sat));
                cdlRead = true;
            } catch (IllegalArgumentException e) {
                issues.add(new LineIssue(number, line, "clip '" + name + "': CDL not read: " + e.getMessage()));
            }
        } else if (!sat.isEmpty()) {
            issues.add(new LineIssue(number, line, "clip '" + name + "': ASC_SAT without ASC_SOP; CDL not read"));
        }
        Map<String, String> other = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            boolean known = key.equals(AleColumns.NAME) || key.equals(AleColumns.SCENE)
                    || key.equals(AleColumns.TAKE) || key.equals(AleColumns.CIRCLED);
            boolean cdlColumn = key.equals(AleColumns.ASC_SOP) || key.equals(AleColumns.ASC_SAT);
            if (!known && !(cdlColumn && cdlRead)) {
                other.put(key, e.getValue());
            }
        }
        return Optional.of(new AleClip(number, name, values.get(AleColumns.SCENE), values.get(AleColumns.TAKE),
                AleColumns.circled(values.getOrDefault(AleColumns.CIRCLED, "")), cdl, other));
    }
}
