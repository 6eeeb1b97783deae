package io.setkeeper.protocol.interchange.ale;

import io.setkeeper.protocol.interchange.LineIssue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Avid Log Exchange file as read: the Heading fields (FIELD_DELIM, VIDEO_FORMAT, FPS...), the column names in
 * file order, the rows, and the lines that could not be read.
 */
public record Ale(Map<String, String> heading, List<String> columns, List<AleClip> clips, List<LineIssue> issues) {
    public Ale {
        heading = Collections.unmodifiableMap(new LinkedHashMap<>(heading));
        columns = List.copyOf(columns);
        clips = List.copyOf(clips);
        issues = List.copyOf(issues);
    }
}
