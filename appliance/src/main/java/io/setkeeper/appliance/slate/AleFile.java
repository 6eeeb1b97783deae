package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.FrameRate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Avid Log Exchange file: heading, column names, the clips that could be read, and a {@link Problem} with
 * its line number for every line that could not (or only partly) be read.
 *
 * @param heading  the Heading section's key/value pairs (FIELD_DELIM, VIDEO_FORMAT, FPS, ...), keys as written
 * @param fps      the FPS heading as a frame rate, empty when missing or unreadable
 * @param columns  the Column section, in order
 * @param clips    the Data lines that could be read
 * @param problems what was wrong, in file order
 */
public record AleFile(Map<String, String> heading, Optional<FrameRate> fps, List<String> columns, List<AleClip> clips,
                      List<Problem> problems) {

    public AleFile {
        heading = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(heading));
        columns = List.copyOf(columns);
        clips = List.copyOf(clips);
        problems = List.copyOf(problems);
    }
}
