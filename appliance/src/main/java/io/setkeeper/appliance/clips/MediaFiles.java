package io.setkeeper.appliance.clips;

import java.util.Locale;
import java.util.Set;

/** Which card files are media (probed into clips) and which are slate sidecars (read for slate data). */
public final class MediaFiles {
    private static final Set<String> MEDIA = Set.of("mov", "mp4", "m4v", "mxf", "mkv", "avi", "mts", "m2ts", "r3d",
            "braw", "ari", "arx", "crm", "h264", "264", "h265", "265", "hevc", "wav", "bwf", "webm");
    private static final Set<String> SIDECARS = Set.of("ale", "csv");

    private MediaFiles() {
    }

    public static boolean isMedia(String relPath) {
        return MEDIA.contains(extension(relPath)) && !hidden(relPath);
    }

    public static boolean isSidecar(String relPath) {
        return SIDECARS.contains(extension(relPath)) && !hidden(relPath);
    }

    static boolean isSound(String relPath) {
        String ext = extension(relPath);
        return ext.equals("wav") || ext.equals("bwf");
    }

    static String extension(String relPath) {
        String name = relPath.substring(relPath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean hidden(String relPath) {
        return relPath.startsWith("ascmhl/") || relPath.contains("/ascmhl/")
                || relPath.substring(relPath.lastIndexOf('/') + 1).startsWith(".");
    }
}
