package io.setkeeper.appliance.analysis.perception.slate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scene, take and roll from the recognised lines of a clapperboard or slate card, pure. Rules:
 * <ul>
 *   <li>text is NFKC-normalised (full-width forms the Chinese-trained recogniser emits become ASCII) and upper-cased;
 *   <li>labels: {@code SCENE, SCN, SC} (scene), {@code TAKE, TK} (take), {@code ROLL, RL, REEL, CAM ROLL} (roll);
 *       the long ones also when one letter is misread or missing; a label may be glued to its value
 *       ({@code SC5C}, exact labels tried before misread ones);
 *   <li>a value follows its label on the same line ({@code SCENE 5C}, {@code TK: 3}), or, when the label stands
 *       alone, it is the nearest unlabelled word to the right on the same row or below the label (a board laid
 *       out as label above value); word positions are estimated along each line's direction, so rotated boards
 *       and a header row {@code ROLL SCENE TAKE} above a value row work;
 *   <li>values: scene {@code [A-Z]?digits[A-Z]{0,3}}, take 1-3 digits, roll {@code letters(1-2) digits(2-4)};
 *       in digit positions O reads as 0 and I, L, | as 1 (scene letters skip I and O by convention, so "1OB" is
 *       10B); a value split by a stray space ({@code 21 D},
 *       {@code 1 0}) is joined when the joined word is still a value.
 * </ul>
 */
public final class SlateParser {
    /** A slate field. */
    public enum Field { SCENE, TAKE, ROLL }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s:;#=.,_|/\\\\()\\[\\]-]+");
    private static final Pattern SCENE = Pattern.compile("[A-Z]?\\d{1,4}[A-Z]{0,3}");
    private static final Pattern TAKE = Pattern.compile("\\d{1,3}");
    private static final Pattern ROLL = Pattern.compile("([A-Z]{1,2}?)([0-9OIL]{2,4})");

    /** A word with its estimated centre in frame pixels and its line's geometry. */
    record Word(String text, double x, double y, double width, double height, double cos, double sin, int line,
                int index, double confidence) {
        /** Offset of {@code o} from this word along (u) and across (v, downwards) this word's line direction. */
        double along(Word o) {
            return (o.x - x) * cos + (o.y - y) * sin;
        }

        double across(Word o) {
            return -(o.x - x) * sin + (o.y - y) * cos;
        }
    }

    /** A place where a labelled field's value should be: below the label or to its right. */
    public record Probe(Field field, TextRegion region) {
    }

    /** An axis-aligned part of the frame where a board's fields are, and the height of its labels (frame pixels). */
    public record Zone(double x, double y, double width, double height, double labelHeight) {
    }

    private SlateParser() {
    }

    /**
     * Where the board is, when labels were read: the box around every label, grown by {@link #ZONE_MARGIN} label
     * heights on each side (values sit right of or below their labels); empty when no label was read.
     */
    public static Optional<Zone> zone(List<TextLine> lines) {
        List<Word> words = words(lines);
        Field[] labels = labels(words);
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        List<Double> heights = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (labels[i] == null) {
                continue;
            }
            Word w = words.get(i);
            double hx = 0.5 * (Math.abs(w.width() * w.cos()) + Math.abs(w.height() * w.sin()));
            double hy = 0.5 * (Math.abs(w.width() * w.sin()) + Math.abs(w.height() * w.cos()));
            x0 = Math.min(x0, w.x() - hx);
            x1 = Math.max(x1, w.x() + hx);
            y0 = Math.min(y0, w.y() - hy);
            y1 = Math.max(y1, w.y() + hy);
            heights.add(w.height());
        }
        if (heights.isEmpty()) {
            return Optional.empty();
        }
        double h = heights.stream().sorted().toList().get(heights.size() / 2);
        double m = ZONE_MARGIN * h;
        return Optional.of(new Zone(x0 - m, y0 - m, x1 - x0 + 2 * m, y1 - y0 + 2 * m, h));
    }

    /** How far around the labels (in label heights) a board's values are looked for. */
    static final double ZONE_MARGIN = 4;

    /**
     * Where to look again for values the text detector missed (it tends to miss a lone digit such as a take
     * number): for each label whose field was not read, regions below it (1.8, 2.6 and 3.4 label heights down)
     * and to its right, in the label line's direction, nearest first.
     */
    public static List<Probe> probes(List<TextLine> lines, SlateText parsed) {
        List<Probe> out = new ArrayList<>();
        java.util.Set<Field> seen = java.util.EnumSet.noneOf(Field.class);
        List<Word> words = words(lines);
        Field[] labels = labels(words);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            Optional<Field> f = Optional.ofNullable(labels[i]);
            if (f.isEmpty() || seen.contains(f.get()) || read(parsed, f.get())) {
                continue;
            }
            seen.add(f.get());
            double h = w.height();
            double angle = Math.atan2(w.sin(), w.cos());
            double width = Math.max(w.width() * 1.3, 2.4 * h);
            for (double down : new double[] {1.8, 2.6, 3.4}) {
                out.add(new Probe(f.get(), new TextRegion(w.x() - down * h * w.sin(), w.y() + down * h * w.cos(),
                        width, 1.9 * h, angle, 0)));
            }
            double right = w.width() / 2 + 1.6 * h;
            out.add(new Probe(f.get(), new TextRegion(w.x() + right * w.cos(), w.y() + right * w.sin(), 3 * h,
                    1.4 * h, angle, 0)));
        }
        return out;
    }

    private static boolean read(SlateText parsed, Field f) {
        return switch (f) {
            case SCENE -> parsed.scene().isPresent();
            case TAKE -> parsed.take().isPresent();
            case ROLL -> parsed.roll().isPresent();
        };
    }

    /** True when a probe's recognised text is exactly one value of its field. */
    public static boolean isValue(Probe probe, String text) {
        String t = normalise(text).replaceAll("\\s+", "");
        return !t.isEmpty() && value(probe.field(), t).isPresent();
    }

    public static SlateText parse(List<TextLine> lines) {
        List<Word> words = words(lines);
        String[] values = new String[Field.values().length];
        double[] conf = new double[Field.values().length];
        boolean[] used = new boolean[words.size()];
        Field[] labels = labels(words);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            Optional<Field> field = Optional.ofNullable(labels[i]);
            if (field.isEmpty() || values[field.get().ordinal()] != null) {
                continue;
            }
            used[i] = true;
            Field f = field.get();
            int j = valueAfter(words, i, used, f, labels);
            if (j < 0) {
                j = nearestValue(words, i, used, f, labels);
            }
            if (j >= 0) {
                used[j] = true;
                String v = value(f, words.get(j).text()).orElseThrow();
                int k = j + 1;
                if (k < words.size() && !used[k] && words.get(k).line() == words.get(j).line()
                        && labels[k] == null && words.get(k).text().length() <= 2) {
                    Optional<String> joined = value(f, words.get(j).text() + words.get(k).text());
                    if (joined.isPresent() && joined.get().length() > v.length()) {
                        used[k] = true;
                        v = joined.get();
                    }
                }
                values[f.ordinal()] = v;
                conf[f.ordinal()] = Math.min(w.confidence(), words.get(j).confidence());
            }
        }
        double sum = 0;
        int n = 0;
        for (int f = 0; f < values.length; f++) {
            if (values[f] != null) {
                sum += conf[f];
                n++;
            }
        }
        String text = String.join(" / ", lines.stream().map(TextLine::text).toList());
        return new SlateText(Optional.ofNullable(values[0]), Optional.ofNullable(values[1]),
                Optional.ofNullable(values[2]), text, n == 0 ? 0 : sum / n);
    }

    /** Splits lines into words (a label glued to its value becomes two words) with estimated positions. */
    static List<Word> words(List<TextLine> lines) {
        List<Word> out = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            TextLine line = lines.get(l);
            String text = normalise(line.text());
            if (text.isBlank()) {
                continue;
            }
            TextRegion r = line.region();
            double cos = Math.cos(r.angle());
            double sin = Math.sin(r.angle());
            Matcher m = Pattern.compile("[^\\s:;#=.,_|/\\\\()\\[\\]-]+").matcher(text);
            int index = 0;
            while (m.find()) {
                for (String[] part : splitGlued(m.group())) {
                    int start = m.start() + Integer.parseInt(part[1]);
                    double frac = (start + part[0].length() / 2.0) / text.length() - 0.5;
                    out.add(new Word(part[0], r.cx() + frac * r.width() * cos, r.cy() + frac * r.width() * sin,
                            r.width() * part[0].length() / text.length(), r.height(), cos, sin, l, index++,
                            line.confidence()));
                }
            }
        }
        return out;
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).trim();
    }

    /** "SC5C" -> ["SC", "5C"]; a word that is not a label followed by a value stays whole. */
    private static List<String[]> splitGlued(String word) {
        if (label(word).isPresent()) {
            return List.<String[]>of(new String[] {word, "0"});
        }
        List<String[]> header = splitLabels(word);
        if (!header.isEmpty()) {
            return header;
        }
        for (boolean exact : new boolean[] {true, false}) {
            for (int cut : new int[] {5, 4, 2, 3, 6, 7}) {
                if (cut >= word.length()) {
                    continue;
                }
                String head = word.substring(0, cut);
                Optional<Field> f = exact ? exactLabel(head) : label(head);
                if (f.isPresent() && value(f.get(), word.substring(cut)).isPresent()) {
                    return List.of(new String[] {head, "0"}, new String[] {word.substring(cut), Integer.toString(cut)});
                }
            }
        }
        return List.<String[]>of(new String[] {word, "0"});
    }

    /**
     * The field each word labels (null: not a label). A word is a label by itself ({@link #label}); in a header row
     * (words on the row of a label, within {@link #ROW_REACH} label heights along it) a word of letters that is not a
     * label by itself is the missing label it is closest to (at most two edits, a unique best), and when one field's
     * label is still missing and one such word is left, it is that label (the clapperboard's field grid: a row of
     * labels, one badly read).
     */
    static Field[] labels(List<Word> words) {
        Field[] out = new Field[words.size()];
        for (int i = 0; i < words.size(); i++) {
            out[i] = label(words.get(i).text()).orElse(null);
        }
        for (int i = 0; i < words.size(); i++) {
            if (out[i] == null) {
                continue;
            }
            Word anchor = words.get(i);
            List<Integer> row = new ArrayList<>();
            java.util.Set<Field> present = java.util.EnumSet.noneOf(Field.class);
            for (int j = 0; j < words.size(); j++) {
                Word w = words.get(j);
                if (Math.abs(anchor.across(w)) < 0.5 * anchor.height()
                        && Math.abs(anchor.along(w)) < ROW_REACH * anchor.height()) {
                    if (out[j] != null) {
                        present.add(out[j]);
                    } else if (w.text().length() >= 2 && w.text().length() <= 6
                            && w.text().chars().allMatch(Character::isLetter)) {
                        row.add(j);
                    }
                }
            }
            List<Integer> left = new ArrayList<>();
            for (int j : row) {
                Field best = null;
                int bestD = 3, ties = 0;
                for (Field f : Field.values()) {
                    if (present.contains(f)) {
                        continue;
                    }
                    int d = editDistance(words.get(j).text(), f.name());
                    if (d < bestD) {
                        bestD = d;
                        best = f;
                        ties = 0;
                    } else if (d == bestD) {
                        ties++;
                    }
                }
                if (best != null && ties == 0) {
                    out[j] = best;
                    present.add(best);
                } else {
                    left.add(j);
                }
            }
            if (present.size() == Field.values().length - 1 && left.size() == 1) {
                for (Field f : Field.values()) {
                    if (!present.contains(f)) {
                        out[left.getFirst()] = f;
                    }
                }
            }
        }
        return out;
    }

    /** How far along a label's row (in label heights) the header-row rule looks for the other labels. */
    static final double ROW_REACH = 8;

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * A header row read as one word ("ROLSCENETARE": the gaps between a clapperboard's columns are narrow) split into
     * two or three labels of distinct fields, each at least three letters; empty when the word is not such a run.
     */
    static List<String[]> splitLabels(String word) {
        if (word.length() < 6 || !word.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        return splitLabels(word, 0, java.util.EnumSet.noneOf(Field.class));
    }

    private static List<String[]> splitLabels(String word, int from, java.util.Set<Field> used) {
        for (int end = Math.min(word.length(), from + 6); end >= from + 3; end--) {
            Optional<Field> f = label(word.substring(from, end));
            if (f.isEmpty() || used.contains(f.get())) {
                continue;
            }
            String[] part = {word.substring(from, end), Integer.toString(from)};
            if (end == word.length()) {
                if (!used.isEmpty()) {
                    return List.<String[]>of(part);
                }
                continue;
            }
            java.util.Set<Field> next = java.util.EnumSet.copyOf(used);
            next.add(f.get());
            List<String[]> rest = splitLabels(word, end, next);
            if (!rest.isEmpty()) {
                List<String[]> out = new ArrayList<>();
                out.add(part);
                out.addAll(rest);
                return out;
            }
        }
        return List.of();
    }

    /** The field a word labels, if it is a label. */
    static Optional<Field> label(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        return exactLabel(w).or(() -> fuzzy(w));
    }

    private static Optional<Field> exactLabel(String w) {
        return switch (w) {
            case "SCENE", "SCN", "SC", "SCENENO" -> Optional.of(Field.SCENE);
            case "TAKE", "TK", "TAKENO" -> Optional.of(Field.TAKE);
            case "ROLL", "RL", "REEL", "CAMROLL" -> Optional.of(Field.ROLL);
            default -> Optional.empty();
        };
    }

    private static Optional<Field> fuzzy(String w) {
        if (w.length() >= 3 && w.length() <= 6 && w.chars().allMatch(Character::isLetter)) {
            if (oneEditAway(w, "SCENE")) {
                return Optional.of(Field.SCENE);
            }
            if (oneEditAway(w, "TAKE")) {
                return Optional.of(Field.TAKE);
            }
            if (oneEditAway(w, "ROLL")) {
                return Optional.of(Field.ROLL);
            }
        }
        return Optional.empty();
    }

    /** True when a and b differ by at most one substitution, insertion or deletion. */
    static boolean oneEditAway(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0, j = 0, edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    /** The word's value for a field, normalised, if it is one. */
    static Optional<String> value(Field f, String word) {
        String w = word.toUpperCase(Locale.ROOT);
        if (label(w).isPresent()) {
            return Optional.empty();
        }
        return switch (f) {
            case SCENE -> {
                String d = sceneDigits(w);
                yield SCENE.matcher(d).matches() ? Optional.of(d)
                        : SCENE.matcher(w).matches() ? Optional.of(w) : Optional.empty();
            }
            case TAKE -> {
                String d = digits(w);
                yield TAKE.matcher(d).matches() ? Optional.of(Integer.toString(Integer.parseInt(d))) : Optional.empty();
            }
            case ROLL -> {
                Matcher m = ROLL.matcher(w);
                yield m.matches() ? Optional.of(m.group(1) + digits(m.group(2))) : Optional.empty();
            }
        };
    }

    private static String digits(String w) {
        return w.replace('O', '0').replace('I', '1').replace('L', '1').replace('|', '1');
    }

    /** Maps O/I/L to digits only in the leading digit run of a scene ("1O" -> "10", "5C" stays). */
    private static String sceneDigits(String w) {
        int start = !w.isEmpty() && Character.isLetter(w.charAt(0)) && w.length() > 1
                && (Character.isDigit(w.charAt(1))) ? 1 : 0;
        StringBuilder b = new StringBuilder(w.substring(0, start));
        int i = start;
        for (; i < w.length(); i++) {
            char c = w.charAt(i);
            char d = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (!Character.isDigit(d)) {
                break;
            }
            b.append(d);
        }
        return b.append(w.substring(i)).toString();
    }

    /** The next word on the label's line, if it is a value for the field. */
    private static int valueAfter(List<Word> words, int i, boolean[] used, Field f, Field[] labels) {
        int j = i + 1;
        if (j < words.size() && !used[j] && labels[j] == null && words.get(j).line() == words.get(i).line()
                && value(f, words.get(j).text()).isPresent()) {
            return j;
        }
        return -1;
    }

    /**
     * The nearest unused value word to the right on the same row (within six label heights) or below the label
     * (within four label heights, overlapping it horizontally), or -1.
     */
    private static int nearestValue(List<Word> words, int i, boolean[] used, Field f, Field[] labels) {
        Word label = words.get(i);
        double h = label.height();
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int j = 0; j < words.size(); j++) {
            Word w = words.get(j);
            if (used[j] || j == i || labels[j] != null || value(f, w.text()).isEmpty()) {
                continue;
            }
            double along = label.along(w);
            double across = label.across(w);
            double cost;
            if (Math.abs(across) < 0.5 * h && along > 0 && along < 6 * h && w.line() != label.line()) {
                cost = along;
            } else if (across > 0.4 * h && across < 4 * h && Math.abs(along) < 2.5 * h) {
                cost = across + Math.abs(along);
            } else {
                continue;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = j;
            }
        }
        return best;
    }
}
