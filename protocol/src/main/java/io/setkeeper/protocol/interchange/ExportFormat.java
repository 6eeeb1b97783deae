package io.setkeeper.protocol.interchange;

import java.util.Locale;

/** The interchange formats approved fixes are exported in, with their HTTP content types. */
public enum ExportFormat {
    CDL("application/xml"), CCC("application/xml"), ALE("text/plain"), EDL("text/plain"), OTIO("application/json");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The file extension (lower-case name). */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code s} (any case); an {@link IllegalArgumentException} names the known ones. */
    public static ExportFormat parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no export format '" + s + "' (cdl, ccc, ale, edl, otio)");
        }
    }
}
