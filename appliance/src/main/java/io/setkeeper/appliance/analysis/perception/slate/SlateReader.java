package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.analysis.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a slate in a frame (in the pipeline: the detail frame, 960 px, of a slate candidate): PP-OCRv4 text detection,
 * recognition of each region (the largest {@link #MAX_REGIONS}; regions under {@link #MIN_HEIGHT} px are too small to
 * read; a lone digit's box takes the direction of the text around it, {@link #upright}) and {@link SlateParser}.
 * When not all three fields were read but labels were, the part of the frame around the labels
 * ({@link SlateParser#zone}) is detected again 2-4 times larger: small boards' labels and values, and the lone take
 * digit the detector misses at frame scale, come out as regions there. When a label is still without its value, the
 * places the parser proposes ({@link SlateParser#probes}) are read directly. A frame without labels costs one
 * detection and the recognition of its text regions.
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

    TextRecognizer recognizer() {
        return recognizer;
    }

    TextDetector detector() {
        return detector;
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
        return lines(frame, detector.detect(frame));
    }

    private List<TextLine> lines(Frame frame, List<TextRegion> detected) {
        List<TextRegion> regions = upright(detected).stream().filter(r -> r.height() >= MIN_HEIGHT)
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

    /** Regions at most this much wider than high (a lone digit) take their direction from the text around them. */
    static final double SQUARE = 1.5;

    /**
     * A region about as wide as high (a lone digit, "1") has no direction of its own: its moment-fitted angle is
     * noise, and reading it turned that far misreads it. Such regions take the median direction of the longer
     * regions (0 when there are none) and a square box of their longer side.
     */
    static List<TextRegion> upright(List<TextRegion> regions) {
        double[] angles = regions.stream().filter(r -> r.width() >= 2 * r.height()).mapToDouble(TextRegion::angle)
                .sorted().toArray();
        double angle = angles.length == 0 ? 0 : angles[angles.length / 2];
        return regions.stream().map(r -> r.width() > SQUARE * r.height() ? r : new TextRegion(r.cx(), r.cy(),
                Math.max(r.width(), r.height()), Math.max(r.width(), r.height()), angle, r.score())).toList();
    }

    /** Label height the zoomed detection aims for (frame pixels after scaling); the scale is kept within 2..4. */
    static final double ZOOM_LABEL_HEIGHT = 32;

    /**
     * The lines outside the zone as they were, and the zone detected again {@code ZOOM_LABEL_HEIGHT / labelHeight}
     * times larger (2..4): small labels, and lone digits the detector misses at frame scale, come out as regions.
     */
    private List<TextLine> zoomed(Frame frame, List<TextLine> lines, SlateParser.Zone z) {
        double scale = Math.max(2, Math.min(4, ZOOM_LABEL_HEIGHT / z.labelHeight()));
        List<TextLine> out = new ArrayList<>();
        for (TextLine l : lines) {
            TextRegion r = l.region();
            if (r.cx() < z.x() || r.cx() > z.x() + z.width() || r.cy() < z.y() || r.cy() > z.y() + z.height()) {
                out.add(l);
            }
        }
        out.addAll(lines(frame, detector.detect(frame, z.x(), z.y(), z.width(), z.height(), scale)));
        out.sort(Comparator.comparingDouble((TextLine l) -> l.region().cy()));
        return out;
    }

    /** What the slate in the frame says ({@link SlateText#NONE} fields when there is none). */
    public SlateText read(Frame frame) {
        List<TextLine> lines = lines(frame);
        SlateText first = SlateParser.parse(lines);
        if (first.fields() == 3) {
            return first;
        }
        var zone = SlateParser.zone(lines);
        if (zone.isPresent()) {
            List<TextLine> zoomed = zoomed(frame, lines, zone.get());
            SlateText second = SlateParser.parse(zoomed);
            if (second.rank() > first.rank()) {
                first = second;
                lines = zoomed;
                if (first.fields() == 3) {
                    return first;
                }
            }
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
