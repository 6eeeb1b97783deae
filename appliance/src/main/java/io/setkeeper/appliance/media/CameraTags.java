package io.setkeeper.appliance.media;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Normalises the metadata tags that cameras, phones and MXF writers leave in a container into a few stable keys:
 * {@code make}, {@code model}, {@code firmware}, {@code software}, {@code encoder}, {@code creation_time},
 * {@code location}, {@code application}, {@code application_company}, {@code application_version},
 * {@code reel_name}. A pure function of the tag maps FFmpeg reports.
 */
public final class CameraTags {
    private CameraTags() {
    }

    /**
     * @param format the container's tags
     * @param video  the main picture stream's tags (empty map when none)
     * @return the normalised tags; keys absent when no source tag was present
     */
    public static Map<String, String> normalise(Map<String, String> format, Map<String, String> video) {
        Map<String, String> out = new TreeMap<>();
        put(out, "make", first(format, video, "com.apple.quicktime.make", "make", "com.android.manufacturer"));
        put(out, "model", first(format, video, "com.apple.quicktime.model", "model", "com.android.model"));
        put(out, "firmware", first(format, video, "firmware", "com.apple.quicktime.firmware"));
        put(out, "software", first(format, video, "com.apple.quicktime.software", "software", "com.android.version"));
        // The video stream's encoder names the camera's codec ("GoPro AVC encoder"); the container's names the muxer.
        put(out, "encoder", first(video, format, "encoder"));
        put(out, "creation_time", first(format, video, "creation_time", "com.apple.quicktime.creationdate", "date"));
        put(out, "location", first(format, video, "com.apple.quicktime.location.ISO6709", "location"));
        put(out, "application", first(format, video, "product_name"));
        put(out, "application_company", first(format, video, "company_name"));
        put(out, "application_version", first(format, video, "product_version"));
        put(out, "reel_name", first(video, format, "reel_name", "reel"));
        return out;
    }

    private static String first(Map<String, String> a, Map<String, String> b, String... keys) {
        for (Map<String, String> tags : List.of(a, b)) {
            for (String key : keys) {
                String value = lookup(tags, key);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String lookup(Map<String, String> tags, String key) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) && e.getValue() != null && !e.getValue().isBlank()) {
                return e.getValue().strip();
            }
        }
        return null;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
