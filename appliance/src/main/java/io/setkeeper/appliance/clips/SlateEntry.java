package io.setkeeper.appliance.clips;

import java.util.Optional;

/**
 * One line of slate information from a sidecar, with what it matches: a clip file name or stem ({@code matchName})
 * or the end of a clip's path ({@code matchPath}).
 */
public record SlateEntry(Source source, String sourceFile, int line, Optional<String> matchName,
                         Optional<String> matchPath, Optional<String> scene, Optional<String> setup,
                         Optional<String> take, Optional<Boolean> circled, Optional<String> camroll,
                         Optional<String> camera, Optional<String> startTimecode, Optional<String> notes) {
    /** Where slate information comes from. */
    public enum Source {
        ALE, SUPERVISOR_LOG, SOUND
    }

    /** True when this entry names the clip at {@code relPath} (card-relative, '/' separated). */
    public boolean matches(String relPath) {
        String fileName = relPath.substring(relPath.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        boolean byName = matchName.map(n -> n.equalsIgnoreCase(fileName) || n.equalsIgnoreCase(stem)).orElse(false);
        boolean byPath = matchPath.map(p -> ("/" + relPath).endsWith("/" + p) || p.endsWith("/" + relPath)
                || p.equals(relPath)).orElse(false);
        return byName || byPath;
    }
}
