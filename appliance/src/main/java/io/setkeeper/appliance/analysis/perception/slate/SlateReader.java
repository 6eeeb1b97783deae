package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.analysis.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a slate in a frame: PP-OCRv4 text detection, recognition of each region (the largest
 * {@link #MAX_REGIONS}; regions under {@link #MIN_HEIGHT} px are too small to read) and {@link SlateParser}; when a
 * label was read without its value, the places the parser proposes ({@link SlateParser#probes}) are read directly.
 */
public final class SlateReader {
    /** Regions read per frame at most (largest first), bounding the cost on text-heavy frames. */
    public static final int MAX_REGIONS = 24;
    /** Regions lower than this (frame pixels) are skipped. */
    public static final double MIN_HEIGHT = 5;
    /** Lines recognised with less confidence are ignored. */
    public static final double MIN_CONFIDENCE = 0.5;

    private final TextDetector detector;
    private final TextRecognizer recognizer;

    public SlateReader(TextDetector detector, TextRecognizer recognizer) {
        this.detector = detector;
        this.recognizer = recognizer;
    }

    /** The recognition keys (one character per line, UTF-8) as the decoder needs them. */
    public static List<String> keys(byte[] keysFile) {
        String text = new String(keysFile, StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!keys.isEmpty() && keys.getLast().isEmpty()) {
            keys.removeLast();
        }
        return keys;
    }

    /** Every readable text line in the frame, in reading order. */
    public List<TextLine> lines(Frame frame) {
        List<TextRegion> regions = detector.detect(frame).stream().filter(r -> r.height() >= MIN_HEIGHT)
                .sorted(Comparator.comparingDouble((TextRegion r) -> -r.width() * r.height())).limit(MAX_REGIONS)
                .toList();
        List<TextLine> lines = new ArrayList<>();
        for (TextRegion r : regions) {
            TextLine line = recognizer.read(frame, r);
            if (line.confidence() >= MIN_CONFIDENCE && !line.text().isBlank()) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.comparingDouble((TextLine l) -> l.region().cy()));
        return lines;
    }

    /** What the slate in the frame says ({@link SlateText#NONE} fields when there is none). */
    public SlateText read(Frame frame) {
        List<TextLine> lines = lines(frame);
        SlateText first = SlateParser.parse(lines);
        if (first.fields() == 3) {
            return first;
        }
        List<TextLine> more = new ArrayList<>(lines);
        java.util.Set<SlateParser.Field> found = java.util.EnumSet.noneOf(SlateParser.Field.class);
        for (SlateParser.Probe probe : SlateParser.probes(lines, first)) {
            if (found.contains(probe.field())) {
                continue;
            }
            TextLine line = recognizer.read(frame, probe.region());
            if (line.confidence() >= MIN_CONFIDENCE && SlateParser.isValue(probe, line.text())) {
                more.add(line);
                found.add(probe.field());
            }
        }
        return found.isEmpty() ? first : SlateParser.parse(more);
    }
}
