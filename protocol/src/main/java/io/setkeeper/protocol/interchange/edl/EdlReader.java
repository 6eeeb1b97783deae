package io.setkeeper.protocol.interchange.edl;

import io.setkeeper.protocol.interchange.InterchangeText;
import io.setkeeper.protocol.interchange.LineIssue;
import io.setkeeper.protocol.interchange.cdl.AscSop;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMX3600 EDLs as far as the format allows: TITLE and FCM (anywhere; FCM applies to the lines after it),
 * event lines with 3 to 6 digit numbers, comment lines with or without {@code *} and a space ({@code * FROM CLIP
 * NAME:}, {@code *FROM CLIP NAME:}, {@code FROM CLIP NAME:}), {@code *ASC_SOP}/{@code *ASC_SAT} with or without a
 * colon, {@code * LOC:} markers, {@code M2} speed lines, CRLF line ends. An EDL does not state its frame rate,
 * so the caller gives it; timecodes with frames beyond it are reported. Every line it cannot use is reported with
 * its number, and it reads on. An event whose source and record lengths differ without an M2 line is kept and
 * reported too. A CDL that is out of range is refused (reported) and its text kept in the event's comments.
 */
public final class EdlReader {
    private static final Pattern EVENT_NUMBER = Pattern.compile("\\d{3,6}");
    private static final Pattern SAT = Pattern.compile("(?i)ASC_SAT:?\\s*(.*)");
    private static final Pattern SOP = Pattern.compile("(?i)ASC_SOP:?\\s*(.*)");
    private static final Set<String> COLORS = Set.of("RED", "PINK", "GREEN", "CYAN", "BLUE", "PURPLE", "MAGENTA",
            "YELLOW", "BLACK", "WHITE", "ORANGE");

    private EdlReader() {
    }

    /** Reads an EDL file (UTF-8, falling back to ISO-8859-1) at a nominal frame rate (24, 25, 30, 60...). */
    public static Edl read(Path file, int fps) {
        return parse(InterchangeText.read(file, "an EDL"), fps);
    }

    /** Reads EDL text at a nominal frame rate. Never throws for content: problems become {@link Edl#issues()}. */
    public static Edl parse(String text, int fps) {
        Parse p = new Parse(fps);
        List<String> lines = InterchangeText.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                p.line(i + 1, lines.get(i));
            }
        }
        p.finish();
        return new Edl(p.title, fps, p.firstDrop == null ? false : p.firstDrop, p.events, p.issues);
    }

    /** The state of one read. */
    private static final class Parse {
        final int fps;
        String title = "";
        boolean drop;
        Boolean firstDrop;
        final List<EdlEvent> events = new ArrayList<>();
        final List<LineIssue> issues = new ArrayList<>();
        EventBuilder current;

        Parse(int fps) {
            this.fps = fps;
        }

        void line(int number, String line) {
            String trimmed = line.strip();
            String upper = trimmed.toUpperCase(Locale.ROOT);
            String[] tokens = trimmed.split("\\s+");
            if (upper.startsWith("TITLE:")) {
                title = trimmed.substring(6).strip();
            } else if (upper.startsWith("FCM:")) {
                fcm(number, line, upper.substring(4).strip());
            } else if (EVENT_NUMBER.matcher(tokens[0]).matches()) {
                event(number, line, tokens);
            } else if (tokens[0].equalsIgnoreCase("M2")) {
                speed(number, line, tokens);
            } else if (trimmed.startsWith("*")) {
                comment(number, line, trimmed.substring(1).strip());
            } else if (upper.startsWith("FROM CLIP") || upper.startsWith("TO CLIP") || upper.startsWith("EFFECTS NAME")
                    || upper.startsWith("AUD ") || upper.startsWith("SPLIT:") || upper.startsWith("SOURCE FILE")) {
                comment(number, line, trimmed);
            } else {
                issues.add(new LineIssue(number, line, "not an EDL event, comment or header line"));
            }
        }

        void fcm(int number, String line, String mode) {
            boolean value;
            if (mode.equals("DROP FRAME")) {
                value = true;
            } else if (mode.equals("NON-DROP FRAME") || mode.equals("NON DROP FRAME")) {
                value = false;
            } else {
                issues.add(new LineIssue(number, line, "unknown FCM '" + mode + "'; frame code mode unchanged"));
                return;
            }
            if (value && fps != 30 && fps != 60) {
                issues.add(new LineIssue(number, line, "drop-frame needs 30 or 60 fps (29.97, 59.94), this EDL is"
                        + " read at " + fps + " fps; read as non-drop"));
                value = false;
            }
            drop = value;
            if (firstDrop == null) {
                firstDrop = value;
            }
        }

        void event(int number, String line, String[] t) {
            flush();
            if (t.length < 8 || t.length > 9) {
                issues.add(new LineIssue(number, line, "event line needs number, reel, track, transition,"
                        + " [duration,] and 4 timecodes; found " + t.length + " fields"));
                return;
            }
            int n = t.length;
            long[] times = new long[4];
            for (int k = 0; k < 4; k++) {
                String tc = t[n - 4 + k];
                try {
                    times[k] = EdlTimecodes.parse(tc, fps, drop || EdlTimecodes.dropSeparator(tc));
                } catch (IllegalArgumentException e) {
                    issues.add(new LineIssue(number, line, e.getMessage()));
                    return;
                }
            }
            String transition = t[3].toUpperCase(Locale.ROOT);
            int duration = 0;
            if (n == 9) {
                try {
                    duration = Integer.parseInt(t[4]);
                } catch (NumberFormatException e) {
                    issues.add(new LineIssue(number, line, "transition length '" + t[4] + "' is not a number"));
                    return;
                }
            } else if (!transition.equals("C")) {
                issues.add(new LineIssue(number, line, "transition " + transition + " without a length; read as 0"));
            }
            if (times[1] < times[0] || times[3] < times[2]) {
                issues.add(new LineIssue(number, line, "an out point is before its in point"));
                return;
            }
            current = new EventBuilder(number, line, t[0], t[1], t[2], transition, duration, times);
        }

        void speed(int number, String line, String[] t) {
            if (current == null) {
                issues.add(new LineIssue(number, line, "M2 speed line before the first event"));
                return;
            }
            if (t.length != 4) {
                issues.add(new LineIssue(number, line, "M2 needs reel, speed and timecode; found " + t.length
                        + " fields"));
                return;
            }
            try {
                double speed = Double.parseDouble(t[2]);
                long frame = EdlTimecodes.parse(t[3], fps, drop || EdlTimecodes.dropSeparator(t[3]));
                current.speed = new EdlSpeed(t[1], speed, frame);
            } catch (IllegalArgumentException e) {
                issues.add(new LineIssue(number, line, "M2 not read: " + e.getMessage()));
            }
        }

        void comment(int number, String line, String body) {
            if (current == null) {
                issues.add(new LineIssue(number, line, "comment before the first event"));
                return;
            }
            String upper = body.toUpperCase(Locale.ROOT);
            Matcher sop = SOP.matcher(body);
            Matcher sat = SAT.matcher(body);
            if (upper.startsWith("FROM CLIP NAME:")) {
                current.clipName = body.substring(15).strip();
            } else if (upper.startsWith("TO CLIP NAME:")) {
                current.toClipName = body.substring(13).strip();
            } else if (upper.startsWith("SOURCE FILE:")) {
                current.sourceFile = body.substring(12).strip();
            } else if (upper.startsWith("FROM CLIP:")) {
                current.sourceFile = body.substring(10).strip();
            } else if (sop.matches()) {
                current.sop = sop.group(1);
                current.sopLine = number;
            } else if (sat.matches()) {
                current.sat = sat.group(1);
                current.satLine = number;
            } else if (upper.startsWith("LOC:")) {
                marker(number, line, body.substring(4).strip());
            } else {
                current.comments.add(body);
            }
        }

        void marker(int number, String line, String body) {
            String[] parts = body.split("\\s+", 3);
            try {
                long frame = EdlTimecodes.parse(parts[0], fps, drop || EdlTimecodes.dropSeparator(parts[0]));
                String color = "";
                String name = "";
                if (parts.length > 1 && COLORS.contains(parts[1].toUpperCase(Locale.ROOT))) {
                    color = parts[1].toUpperCase(Locale.ROOT);
                    name = parts.length > 2 ? parts[2].strip() : "";
                } else if (parts.length > 1) {
                    name = body.substring(parts[0].length()).strip();
                }
                current.markers.add(new EdlMarker(frame, color, name));
            } catch (IllegalArgumentException e) {
                issues.add(new LineIssue(number, line, "LOC marker not read: " + e.getMessage()));
            }
        }

        void flush() {
            if (current == null) {
                return;
            }
            EventBuilder b = current;
            current = null;
            Optional<Cdl> cdl = Optional.empty();
            if (b.sop != null) {
                try {
                    cdl = Optional.of(AscSop.cdl(b.clipName, b.sop, b.sat));
                } catch (IllegalArgumentException e) {
                    issues.add(new LineIssue(b.sopLine, "*ASC_SOP " + b.sop, "event " + b.number + ": CDL not read: "
                            + e.getMessage()));
                    b.comments.add("ASC_SOP " + b.sop);
                    if (b.sat != null) {
                        b.comments.add("ASC_SAT " + b.sat);
                    }
                }
            } else if (b.sat != null) {
                issues.add(new LineIssue(b.satLine, "*ASC_SAT " + b.sat, "event " + b.number
                        + ": ASC_SAT without ASC_SOP; CDL not read"));
            }
            long src = b.times[1] - b.times[0];
            long rec = b.times[3] - b.times[2];
            if (src != rec && b.speed == null) {
                issues.add(new LineIssue(b.line, b.text, "event " + b.number + ": source length " + src
                        + " frames differs from record length " + rec + " frames without an M2 speed change"));
            }
            events.add(new EdlEvent(b.line, b.number, b.reel, b.track, b.transition, b.duration, b.times[0],
                    b.times[1], b.times[2], b.times[3], b.clipName, b.toClipName, b.sourceFile, cdl, b.markers,
                    Optional.ofNullable(b.speed), b.comments));
        }

        void finish() {
            flush();
        }
    }

    /** An event while its comment lines are still being read. */
    private static final class EventBuilder {
        final int line;
        final String text;
        final String number;
        final String reel;
        final String track;
        final String transition;
        final int duration;
        final long[] times;
        String clipName;
        String toClipName;
        String sourceFile;
        String sop;
        String sat;
        int sopLine;
        int satLine;
        EdlSpeed speed;
        final List<EdlMarker> markers = new ArrayList<>();
        final List<String> comments = new ArrayList<>();

        EventBuilder(int line, String text, String number, String reel, String track, String transition, int duration,
                long[] times) {
            this.line = line;
            this.text = text;
            this.number = number;
            this.reel = reel;
            this.track = track;
            this.transition = transition;
            this.duration = duration;
            this.times = times;
        }
    }
}
