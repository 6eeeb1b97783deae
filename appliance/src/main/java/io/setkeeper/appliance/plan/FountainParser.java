package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.plan.ScriptElement.Action;
import io.setkeeper.appliance.plan.ScriptElement.Dialogue;
import io.setkeeper.appliance.plan.ScriptElement.Note;
import io.setkeeper.appliance.plan.ScriptElement.PageBreak;
import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import io.setkeeper.appliance.plan.ScriptElement.Section;
import io.setkeeper.appliance.plan.ScriptElement.Synopsis;
import io.setkeeper.appliance.plan.ScriptElement.Transition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a Fountain screenplay (https://fountain.io/syntax): title page, scene headings (also forced with '.'),
 * scene numbers {@code #5#}, action (also forced with '!'), character cues (also forced with '@'), dual dialogue
 * '^', parentheticals, transitions (also forced with '>'), centered text {@code > ... <}, notes {@code [[ ]]},
 * boneyard {@code /* *}{@code /}, sections '#', synopses '=', page breaks '===', emphasis markers (stripped).
 * Malformed input is reported as {@link ParseProblem}s with line numbers; the rest is imported.
 */
public final class FountainParser {
    private static final Pattern NOTE = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
    private static final Pattern PAGE_BREAK = Pattern.compile("={3,}");
    private static final Pattern TITLE_KEY = Pattern.compile("^([A-Za-z][A-Za-z ]*?)\\s*:(.*)$");
    private static final List<String> TITLE_START_KEYS = List.of("title", "credit", "author", "authors", "source",
            "draft date", "date", "contact", "copyright", "notes", "revision");

    private final List<ScriptElement> elements = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Map<String, String> titlePage = new LinkedHashMap<>();

    private FountainParser() {
    }

    /** Reads a file as UTF-8 (a BOM is skipped; invalid UTF-8 is read as windows-1252 and reported). */
    public static Screenplay parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** Parses bytes as UTF-8 (a BOM is skipped; invalid UTF-8 is read as windows-1252 and reported). */
    public static Screenplay parse(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            Screenplay s = parse(new String(bytes, Charset.forName("windows-1252")));
            List<ParseProblem> problems = new ArrayList<>(s.problems());
            problems.add(0, new ParseProblem(0, "not valid UTF-8: read as windows-1252"));
            return new Screenplay(s.titlePage(), s.elements(), s.scenes(), problems);
        }
    }

    /** Parses Fountain text. Never throws on malformed content: problems are in the result. */
    public static Screenplay parse(String text) {
        FountainParser p = new FountainParser();
        p.run(text);
        return ScreenplayAssembler.assemble(p.titlePage, p.elements, p.problems);
    }

    private void run(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = removeBoneyard(text);
        String[] lines = text.split("\n", -1);
        int i = titlePage(lines);
        List<String> para = new ArrayList<>();
        int start = 0;
        for (; i <= lines.length; i++) {
            boolean end = i == lines.length || isBlank(lines[i]);
            if (end) {
                if (!para.isEmpty()) {
                    paragraph(start, para);
                    para = new ArrayList<>();
                }
            } else {
                if (para.isEmpty()) {
                    start = i + 1;
                }
                para.add(lines[i]);
            }
        }
    }

    /** A blank line ends a paragraph; a line of two or more spaces does not (a blank line inside dialogue). */
    private static boolean isBlank(String line) {
        return line.isBlank() && !(line.length() >= 2 && line.chars().allMatch(c -> c == ' '));
    }

    /** Replaces each boneyard with its newlines only, so line numbers stay right. */
    private String removeBoneyard(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (true) {
            int open = text.indexOf("/*", pos);
            if (open < 0) {
                out.append(text, pos, text.length());
                return out.toString();
            }
            int close = text.indexOf("*/", open + 2);
            if (close < 0) {
                int line = lineOf(text, open);
                problems.add(new ParseProblem(line, "unterminated boneyard '/*': the rest of the file is kept as text"));
                out.append(text, pos, text.length());
                return out.toString();
            }
            out.append(text, pos, open);
            text.substring(open, close + 2).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            pos = close + 2;
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Reads the title page at the top of the file; returns the index of the first line after it. */
    private int titlePage(String[] lines) {
        if (lines.length == 0) {
            return 0;
        }
        Matcher first = TITLE_KEY.matcher(lines[0]);
        if (!first.matches() || !TITLE_START_KEYS.contains(first.group(1).strip().toLowerCase())) {
            return 0;
        }
        String key = null;
        int i = 0;
        for (; i < lines.length && !isBlank(lines[i]); i++) {
            String line = lines[i];
            Matcher m = TITLE_KEY.matcher(line);
            boolean continuation = line.startsWith("   ") || line.startsWith("\t");
            if (!continuation && m.matches()) {
                key = m.group(1).strip();
                titlePage.put(key, Emphasis.strip(m.group(2).strip()));
            } else if (key != null) {
                String prev = titlePage.get(key);
                String value = Emphasis.strip(line.strip());
                titlePage.put(key, prev.isEmpty() ? value : prev + "\n" + value);
            } else {
                problems.add(new ParseProblem(i + 1, "title page line without a key: " + line.strip()));
            }
        }
        return i;
    }

    private void paragraph(int start, List<String> raw) {
        String joined = String.join("\n", raw).replace("\t", "    ");
        Matcher m = NOTE.matcher(joined);
        StringBuilder kept = new StringBuilder();
        int pos = 0;
        while (m.find()) {
            elements.add(new Note(start + lineOf(joined, m.start()) - 1, m.group(1).strip()));
            kept.append(joined, pos, m.start());
            pos = m.end();
        }
        kept.append(joined.substring(pos));
        if (kept.toString().isBlank()) {
            return; // a paragraph that is only notes prints nothing
        }
        List<String> lines = new ArrayList<>(List.of(kept.toString().split("\n", -1)));
        lines.replaceAll(l -> l.isBlank() && l.length() >= 2 ? l : l.stripTrailing());
        classify(start, lines);
    }

    private void classify(int line, List<String> lines) {
        String first = lines.get(0).strip();
        boolean single = lines.size() == 1;
        if (PAGE_BREAK.matcher(first).matches()) {
            elements.add(new PageBreak(line));
            rest(line, lines);
        } else if (first.startsWith("#")) {
            int level = 0;
            while (level < first.length() && first.charAt(level) == '#') {
                level++;
            }
            elements.add(new Section(line, level, first.substring(level).strip()));
            rest(line, lines);
        } else if (first.startsWith("=") && !first.startsWith("==")) {
            elements.add(new Synopsis(line, first.substring(1).strip()));
            rest(line, lines);
        } else if (first.startsWith("!")) {
            List<String> copy = new ArrayList<>(lines);
            copy.set(0, lines.get(0).stripLeading().substring(1));
            action(line, copy);
        } else if (first.startsWith(".") && first.length() > 1 && first.charAt(1) != '.') {
            heading(line, first.substring(1), true);
            rest(line, lines);
        } else if (SceneHeadings.looksLikeHeading(first) && (single || first.equals(first.toUpperCase()))) {
            heading(line, first, false);
            rest(line, lines);
        } else if (first.startsWith(">") && first.endsWith("<") && first.length() > 1) {
            centered(line, lines);
        } else if (first.startsWith(">")) {
            elements.add(new Transition(line, Emphasis.strip(first.substring(1).strip())));
            rest(line, lines);
        } else if (single && first.endsWith("TO:") && first.equals(first.toUpperCase())) {
            elements.add(new Transition(line, Emphasis.strip(first)));
        } else if (!single && first.startsWith("@") && first.length() > 1) {
            dialogue(line, first.substring(1), lines);
        } else if (!single && CharacterCues.isUpperCaseCue(first)) {
            dialogue(line, first, lines);
        } else {
            action(line, lines);
        }
    }

    private void rest(int line, List<String> lines) {
        if (lines.size() > 1) {
            classify(line + 1, lines.subList(1, lines.size()));
        }
    }

    private void heading(int line, String text, boolean forced) {
        SceneHeading h = SceneHeadings.parse(line, Emphasis.strip(text), forced, null);
        if (h.location().isEmpty()) {
            problems.add(new ParseProblem(line, "scene heading has no location: '" + text.strip() + "'"));
        }
        elements.add(h);
    }

    private void action(int line, List<String> lines) {
        List<String> cleaned = lines.stream().map(l -> Emphasis.strip(l.stripTrailing())).toList();
        elements.add(new Action(line, String.join("\n", cleaned), false));
    }

    private void centered(int line, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String s = l.strip();
            if (s.startsWith(">") && s.endsWith("<") && s.length() > 1) {
                s = s.substring(1, s.length() - 1).strip();
            }
            out.add(Emphasis.strip(s));
        }
        elements.add(new Action(line, String.join("\n", out), true));
    }

    private void dialogue(int line, String cueLine, List<String> lines) {
        String cue = cueLine.strip();
        boolean dual = cue.endsWith("^");
        if (dual) {
            cue = cue.substring(0, cue.length() - 1).strip();
        }
        List<Dialogue.Part> parts = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String s = l.strip();
            if (s.startsWith("(") && s.endsWith(")")) {
                parts.add(new Dialogue.Part(Emphasis.strip(s), true));
            } else {
                parts.add(new Dialogue.Part(Emphasis.strip(s), false));
            }
        }
        if (dual) {
            int last = elements.size() - 1;
            while (last >= 0 && elements.get(last) instanceof Note) {
                last--;
            }
            if (last >= 0 && elements.get(last) instanceof Dialogue prev) {
                elements.set(last, prev.asDual());
            } else {
                problems.add(new ParseProblem(line, "dual dialogue '^' without a dialogue before it: kept as single"));
                dual = false;
            }
        }
        elements.add(new Dialogue(line, CharacterCues.name(cue), cue, CharacterCues.extensions(cue), parts, dual));
    }
}
