package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words of QC badges and finding types, as a DIT says them. Pure. */
public final class Badges {
    private Badges() {
    }

    /** "soft focus ×2, clipped highlights" for a clip's findings; "" when it has none. */
    public static String of(List<Finding> findings) {
        Map<String, Long> byType = findings.stream().collect(Collectors.groupingBy(f -> words(f.type()),
                LinkedHashMap::new, Collectors.counting()));
        return byType.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }

    /** The worst severity: {@code ERROR} over {@code WARNING} over anything else; "" for none. */
    public static String worst(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity().equalsIgnoreCase("ERROR"))) {
            return "ERROR";
        }
        return findings.isEmpty() ? "" : "WARNING";
    }

    /** {@code SOFT_FOCUS} → "soft focus", {@code CLIPPED_HIGHLIGHTS} → "clipped highlights". */
    public static String words(String type) {
        return type.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
