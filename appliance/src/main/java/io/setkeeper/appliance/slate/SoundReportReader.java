package io.setkeeper.appliance.slate;

import io.setkeeper.appliance.text.Csv;
import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sound report CSV (WaveAgent, Sound Devices Wave Agent and similar exports): title and project lines
 * first, then a header row starting with {@code File Name}, then one line per recording. A bad line becomes a
 * {@link Problem} with its line number; the others are read.
 */
public final class SoundReportReader {

    private static final Pattern LENGTH = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(?:[:;.](\\d{2}))?");

    private SoundReportReader() {
    }

    public static Parsed<SoundReportEntry> read(Path file) throws IOException {
        return parse(SidecarText.read(file));
    }

    public static Parsed<SoundReportEntry> parse(String text) {
        Parsed<Csv.Row> csv = SidecarCsv.parse(text);
        List<Problem> problems = new ArrayList<>(csv.problems());
        List<SoundReportEntry> entries = new ArrayList<>();
        List<String> header = null;
        for (Csv.Row row : csv.rows()) {
            if (row.blank()) {
                continue;
            }
            if (header == null) {
                if (row.fields().getFirst().strip().equalsIgnoreCase("File Name")) {
                    header = row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
                }
                continue;
            }
            entry(row, header, problems).ifPresent(entries::add);
        }
        if (header == null) {
            problems.add(Problem.ofFile("no header row starting with 'File Name': not a sound report"));
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Parsed<>(entries, problems);
    }

    private static Optional<SoundReportEntry> entry(Csv.Row row, List<String> header, List<Problem> problems) {
        int line = row.line();
        List<String> f = row.fields();
        if (f.size() > header.size() && !f.subList(header.size(), f.size()).stream().allMatch(String::isBlank)) {
            problems.add(new Problem(line, f.size() + " fields for " + header.size() + " columns: line skipped"));
            return Optional.empty();
        }
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = i < f.size() ? f.get(i).strip() : "";
            if (v.putIfAbsent(header.get(i), value) == null && !known(header.get(i)) && !value.isEmpty()) {
                extra.put(header.get(i), value);
            }
        }
        String name = v.getOrDefault("file name", "");
        if (name.isEmpty()) {
            problems.add(new Problem(line, "no file name: line skipped"));
            return Optional.empty();
        }
        Optional<FrameRate> rate = Optional.empty();
        String rateText = v.getOrDefault("frame rate", "");
        if (!rateText.isEmpty()) {
            try {
                rate = Optional.of(FrameRate.parse(rateText));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, "Frame Rate: " + e.getMessage()));
            }
        }
        Optional<Timecode> start = Optional.empty();
        String tc = v.getOrDefault("start tc", "");
        if (!tc.isEmpty() && rate.isEmpty()) {
            problems.add(new Problem(line, "Start TC '" + tc + "' without a frame rate: not read"));
        } else if (!tc.isEmpty()) {
            try {
                start = Optional.of(Timecode.parse(tc, rate.get()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, "Start TC: " + e.getMessage()));
            }
        }
        Optional<Long> sampleRate = Optional.empty();
        if (!v.getOrDefault("sample rate", "").isEmpty()) {
            try {
                sampleRate = Optional.of(Long.parseLong(v.get("sample rate")));
            } catch (NumberFormatException e) {
                problems.add(new Problem(line, "Sample Rate '" + v.get("sample rate") + "' is not a number"));
            }
        }
        Optional<Duration> length = Optional.empty();
        String lengthText = v.getOrDefault("length", "");
        Matcher m = LENGTH.matcher(lengthText);
        if (m.matches()) {
            length = Optional.of(Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                    .plusSeconds(Long.parseLong(m.group(3))));
        } else if (!lengthText.isEmpty()) {
            problems.add(new Problem(line, "Length '" + lengthText + "' is not HH:MM:SS"));
        }
        boolean circled = false;
        try {
            circled = Flags.yes(v.getOrDefault("circled", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, "Circled '" + v.get("circled") + "' is not yes or no"));
        }
        return Optional.of(new SoundReportEntry(line, name, opt(v, "tape"), opt(v, "scene"), opt(v, "take"), sampleRate,
                rate, length, start, circled, opt(v, "notes"), extra));
    }

    private static boolean known(String column) {
        return switch (column) {
            case "file name", "tape", "scene", "take", "sample rate", "frame rate", "length", "start tc", "circled",
                 "notes" -> true;
            default -> false;
        };
    }

    private static Optional<String> opt(Map<String, String> v, String key) {
        String s = v.get(key);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
