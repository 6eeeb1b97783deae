package io.setkeeper.ui.client;

import java.util.Optional;

/**
 * Assembles Server-Sent Events from the lines of a {@code text/event-stream}: {@code event:} and {@code data:}
 * fields, comments ignored, an empty line ends an event. Feed it lines in order; not thread-safe.
 */
public final class SseParser {
    private String name = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Takes one line (without its end of line); returns the event the line completed, if any. */
    public Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            if (!hasData) {
                name = "";
                return Optional.empty();
            }
            SseEvent e = new SseEvent(name.isEmpty() ? "message" : name, data.toString());
            name = "";
            data.setLength(0);
            hasData = false;
            return Optional.of(e);
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> { }
        }
        return Optional.empty();
    }
}
