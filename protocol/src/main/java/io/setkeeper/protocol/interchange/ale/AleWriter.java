package io.setkeeper.protocol.interchange.ale;

import io.setkeeper.protocol.interchange.cdl.AscSop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an Avid Log Exchange file (tab-delimited, LF line ends): Heading, then the columns Name, Scene, Take,
 * Circled, ASC_SOP, ASC_SAT, then every other column the clips carry, in first-seen order.
 */
public final class AleWriter {
    private AleWriter() {
    }

    /**
     * The ALE text. {@code heading} adds to or overrides the defaults FIELD_DELIM TABS, VIDEO_FORMAT 1080 and
     * FPS {@code fps}. A value holding a tab or a line break would corrupt the file and is refused.
     */
    public static String write(String fps, Map<String, String> heading, List<AleClip> clips) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("FIELD_DELIM", "TABS");
        head.put("VIDEO_FORMAT", "1080");
        head.put("FPS", fps);
        head.putAll(heading);
        Set<String> columns = new LinkedHashSet<>(AleColumns.KNOWN);
        for (AleClip clip : clips) {
            columns.addAll(clip.other().keySet());
        }
        StringBuilder out = new StringBuilder("Heading\n");
        head.forEach((k, v) -> out.append(clean(k, "heading")).append('\t').append(clean(v, k)).append('\n'));
        out.append("\nColumn\n").append(String.join("\t", columns.stream().map(c -> clean(c, "column")).toList()))
                .append("\n\nData\n");
        for (AleClip clip : clips) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                String value = switch (column) {
                    case AleColumns.CIRCLED -> clip.circled() ? "Y" : "";
                    case AleColumns.ASC_SOP -> clip.cdl().map(AscSop::format).orElse(clip.column(column));
                    case AleColumns.ASC_SAT -> clip.cdl().map(AscSop::formatSat).orElse(clip.column(column));
                    default -> clip.column(column);
                };
                fields.add(clean(value, column + " of clip '" + clip.name() + "'"));
            }
            out.append(String.join("\t", fields)).append('\n');
        }
        return out.toString();
    }

    private static String clean(String value, String what) {
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("ALE " + what + " holds a tab or line break: '" + value + "'");
        }
        return value;
    }
}
