package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.text.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a shot list CSV (as {@code production/shotlist.csv}: scene, setup, shot_size, subjects, angle, lens_mm,
 * movement, description). Columns are found by their header name (common aliases accepted, any order); subjects
 * are separated by ';' (or ',', '/', '+' inside a quoted field). A malformed row is reported with its line
 * number and skipped; every other row is imported.
 */
public final class ShotListReader {
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("scene", "scene"), Map.entry("sc", "scene"), Map.entry("scene number", "scene"),
            Map.entry("setup", "setup"), Map.entry("shot", "setup"), Map.entry("shot id", "setup"),
            Map.entry("shot number", "setup"),
            Map.entry("shot size", "size"), Map.entry("size", "size"), Map.entry("framing", "size"),
            Map.entry("subjects", "subjects"), Map.entry("subject", "subjects"), Map.entry("characters", "subjects"),
            Map.entry("cast", "subjects"),
            Map.entry("angle", "angle"), Map.entry("camera angle", "angle"),
            Map.entry("lens", "lens"), Map.entry("lens mm", "lens"), Map.entry("focal length", "lens"),
            Map.entry("movement", "movement"), Map.entry("camera movement", "movement"), Map.entry("move", "movement"),
            Map.entry("description", "description"), Map.entry("notes", "description"));

    private ShotListReader() {
    }

    public static ShotList read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return read(text);
    }

    /** Reads CSV text; never throws on malformed content. */
    public static ShotList read(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<ParseProblem> problems = new ArrayList<>();
        List<Csv.Row> rows = Csv.parse(text).stream().filter(ShotListReader::notEmptyLine).toList();
        List<PlannedSetup> setups = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(new ParseProblem(1, "empty shot list: no header"));
            return new ShotList(setups, problems);
        }
        Csv.Row header = rows.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String key = header.fields().get(i).strip().toLowerCase(Locale.ROOT)
                    .replace("(mm)", "mm").replaceAll("[_\\-\\s]+", " ").strip();
            String col = COLUMNS.get(key);
            if (col != null) {
                index.putIfAbsent(col, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("scene", "setup", "size")) {
            if (!index.containsKey(required)) {
                missing.add(required.equals("size") ? "shot_size" : required);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new ParseProblem(header.line(), "shot list header lacks " + String.join(", ", missing)
                    + ": nothing imported (header: " + String.join(",", header.fields()) + ")"));
            return new ShotList(setups, problems);
        }
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.error() == null && row.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            String error = rowError(row, header.fields().size(), index, seen);
            if (error != null) {
                problems.add(new ParseProblem(row.line(), error + ": row skipped"));
            } else {
                PlannedSetup setup = setup(row, index);
                seen.add(setup.scene() + "/" + setup.setup().toUpperCase(Locale.ROOT));
                setups.add(setup);
            }
        }
        return new ShotList(setups, problems);
    }

    private static PlannedSetup setup(Csv.Row row, Map<String, Integer> index) {
        List<String> subjects = new ArrayList<>();
        for (String s : get(row, index, "subjects").split("[;,/+]")) {
            if (!s.isBlank()) {
                subjects.add(CharacterCues.name(s));
            }
        }
        return new PlannedSetup(row.line(), get(row, index, "scene"), get(row, index, "setup"),
                ShotSize.parse(get(row, index, "size")).orElseThrow(), subjects, get(row, index, "angle"),
                get(row, index, "lens"), get(row, index, "movement"), get(row, index, "description"));
    }

    /** Why a row cannot be imported, or null when it can. */
    private static String rowError(Csv.Row row, int width, Map<String, Integer> index, Set<String> seen) {
        if (row.error() != null) {
            return row.error();
        }
        if (row.fields().size() != width) {
            return "expected " + width + " fields, found " + row.fields().size();
        }
        String scene = get(row, index, "scene");
        String setup = get(row, index, "setup");
        if (scene.isEmpty() || setup.isEmpty()) {
            return "missing " + (scene.isEmpty() ? "scene" : "setup");
        }
        String size = get(row, index, "size");
        if (ShotSize.parse(size).isEmpty()) {
            return "unknown shot size '" + size + "'";
        }
        if (seen.contains(scene + "/" + setup.toUpperCase(Locale.ROOT))) {
            return "setup " + setup + " of scene " + scene + " is listed twice";
        }
        return null;
    }

    /** A line that holds nothing at all is not a record of a shot list (blank-but-spaced rows are judged later). */
    private static boolean notEmptyLine(Csv.Row row) {
        return row.error() != null || !(row.fields().size() == 1 && row.fields().getFirst().isEmpty());
    }

    private static String get(Csv.Row row, Map<String, Integer> index, String col) {
        Integer i = index.get(col);
        return i == null || i >= row.fields().size() ? "" : row.fields().get(i).strip();
    }
}
