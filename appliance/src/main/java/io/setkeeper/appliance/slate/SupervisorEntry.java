package io.setkeeper.appliance.slate;

import java.util.Map;
import java.util.Optional;

/**
 * One line of the script supervisor's log: which camera file is which scene, setup and take, whether the take is
 * circled, and the supervisor's note. Columns the reader does not know are kept in {@link #extra()}.
 *
 * @param line 1-based line in the CSV
 * @param file the camera file as the supervisor wrote it (a path or a clip name), never blank
 */
public record SupervisorEntry(int line, String file, Optional<String> scene, Optional<String> setup,
                              Optional<String> take, boolean circled, Optional<String> camera, Optional<String> notes,
                              Map<String, String> extra) {

    public SupervisorEntry {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a log entry needs a file");
        }
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
