package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.interchange.ale.AleLines;
import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Avid Log Exchange (ALE) files: a {@code Heading} section of tab-separated key/value lines (FPS, FIELD_DELIM,
 * VIDEO_FORMAT), a {@code Column} section naming the columns, and a {@code Data} section with one tab-separated line
 * per clip (the sections are cut by the interchange reader's {@link AleLines}). A bad line (too many fields, an unreadable timecode, an unknown Circled value) becomes a {@link Problem}
 * with its line number; the other clips are still read.
 */
public final class AleReader {

    private AleReader() {
    }

    /** Reads an ALE file; I/O failures throw, content problems are reported in the result. */
    public static AleFile read(Path file) throws IOException {
        return parse(SidecarText.read(file));
    }

    /** Parses the text of an ALE. */
    public static AleFile parse(String text) {
        Read read = new Read();
        AleLines.scan(text, read);
        if (read.columns.isEmpty()) {
            read.problems.add(Problem.ofFile("no Column section: not an ALE, or an empty one"));
        }
        return new AleFile(read.heading, read.fps, read.columns, read.clips, read.problems);
    }

    /** The state of one read: the sections are {@link AleLines}' (shared with the interchange reader). */
    private static final class Read implements AleLines.Visitor {
        final Map<String, String> heading = new LinkedHashMap<>();
        final List<String> columns = new ArrayList<>();
        final List<AleClip> clips = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        Optional<FrameRate> fps = Optional.empty();
        boolean fpsReported;

        @Override
        public void line(AleLines.Section section, boolean keyword, int lineNo, String line) {
            if (keyword) {
                if (section == AleLines.Section.DATA && columns.isEmpty()) {
                    problems.add(new Problem(lineNo, "Data section before any Column line: its lines cannot be read"));
                }
                return;
            }
            switch (section) {
                case START -> problems.add(new Problem(lineNo, "text before the Heading section ignored"));
                case HEADING -> heading(line, lineNo);
                case COLUMN -> {
                    if (!columns.isEmpty()) {
                        problems.add(new Problem(lineNo, "second Column line ignored"));
                    } else {
                        columns.addAll(Arrays.stream(line.split("\t", -1)).map(String::strip).toList());
                        checkColumns(columns, lineNo, problems);
                    }
                }
                case DATA -> {
                    if (columns.isEmpty()) {
                        return; // reported once at the Data keyword
                    }
                    if (fps.isEmpty() && !fpsReported) {
                        problems.add(Problem.ofFile("no FPS in the Heading: Start and End timecodes not read"));
                        fpsReported = true;
                    }
                    clip(line, lineNo, columns, fps, problems).ifPresent(clips::add);
                }
            }
        }

        private void heading(String line, int lineNo) {
            String[] kv = line.split("\t", 2);
            String key = kv[0].strip();
            String value = kv.length > 1 ? kv[1].strip() : "";
            heading.put(key, value);
            if (key.equalsIgnoreCase("FPS")) {
                try {
                    fps = Optional.of(FrameRate.parse(value));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(lineNo, "FPS: " + e.getMessage() + ": timecodes not read"));
                    fpsReported = true;
                }
            } else if (key.equalsIgnoreCase("FIELD_DELIM") && !value.equalsIgnoreCase("TABS")) {
                problems.add(new Problem(lineNo, "FIELD_DELIM '" + value + "' is not TABS: read as tabs anyway"));
            }
        }
    }

    private static void checkColumns(List<String> columns, int lineNo, List<Problem> problems) {
        List<String> seen = new ArrayList<>();
        for (String c : columns) {
            String key = c.toLowerCase(Locale.ROOT);
            if (!c.isEmpty() && seen.contains(key)) {
                problems.add(new Problem(lineNo, "column '" + c + "' appears twice: the first one is used"));
            }
            seen.add(key);
        }
        if (!seen.contains("name")) {
            problems.add(new Problem(lineNo, "no Name column: clips will have empty names"));
        }
    }

    private static Optional<AleClip> clip(String line, int lineNo, List<String> columns, Optional<FrameRate> fps,
                                          List<Problem> problems) {
        String[] fields = line.split("\t", -1);
        if (fields.length > columns.size()) {
            boolean extraBlank = Arrays.stream(fields, columns.size(), fields.length).allMatch(String::isBlank);
            if (!extraBlank) {
                problems.add(new Problem(lineNo, fields.length + " fields for " + columns.size()
                        + " columns: line skipped (a tab inside a value, or a shifted line)"));
                return Optional.empty();
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String value = c < fields.length ? fields[c].strip() : "";
            String column = columns.get(c);
            String key = column.toLowerCase(Locale.ROOT);
            if (values.containsKey(key)) {
                continue;
            }
            values.put(key, value);
            if (!known(key) && !value.isEmpty()) {
                extra.put(column, value);
            }
        }
        boolean circled = false;
        String circledText = values.getOrDefault("circled", "");
        try {
            circled = Flags.yes(circledText);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(lineNo, "Circled '" + circledText + "' is not yes or no: read as not circled"));
        }
        return Optional.of(new AleClip(lineNo, values.getOrDefault("name", ""), opt(values, "tape"), opt(values, "scene"),
                opt(values, "take"), circled, opt(values, "camroll"), timecode(values, "Start", fps, lineNo, problems),
                timecode(values, "End", fps, lineNo, problems), opt(values, "source file"), extra));
    }

    private static boolean known(String key) {
        return switch (key) {
            case "name", "tape", "scene", "take", "circled", "camroll", "start", "end", "source file" -> true;
            default -> false;
        };
    }

    private static Optional<String> opt(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Timecode> timecode(Map<String, String> values, String column, Optional<FrameRate> fps,
                                               int lineNo, List<Problem> problems) {
        String text = values.getOrDefault(column.toLowerCase(Locale.ROOT), "");
        if (text.isEmpty() || fps.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Timecode.parse(text, fps.get()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(lineNo, column + ": " + e.getMessage()));
            return Optional.empty();
        }
    }
}
