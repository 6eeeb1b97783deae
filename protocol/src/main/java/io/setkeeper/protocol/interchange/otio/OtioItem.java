package io.setkeeper.protocol.interchange.otio;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a track holds: clips, gaps, transitions, and anything else (a nested stack...) by its schema name. */
public sealed interface OtioItem {
    /** The item's name ("" when it has none). */
    String name();

    /** A clip: its source range, the media it points at (empty for a missing reference), metadata, markers. */
    record Clip(String name, Optional<TimeRange> sourceRange, Optional<String> targetUrl, JsonObject metadata,
            List<Marker> markers) implements OtioItem {
        public Clip {
            name = name == null ? "" : name;
            Objects.requireNonNull(sourceRange, "sourceRange");
            Objects.requireNonNull(targetUrl, "targetUrl");
            Objects.requireNonNull(metadata, "metadata");
            markers = List.copyOf(markers);
        }
    }

    /** Empty time on a track. */
    record Gap(String name, TimeRange sourceRange) implements OtioItem {
        public Gap {
            name = name == null ? "" : name;
            Objects.requireNonNull(sourceRange, "sourceRange");
        }
    }

    /** A transition between its neighbours, e.g. {@code SMPTE_Dissolve}. */
    record Transition(String name, String transitionType, RationalTime inOffset, RationalTime outOffset)
            implements OtioItem {
        public Transition {
            name = name == null ? "" : name;
            transitionType = transitionType == null ? "" : transitionType;
        }
    }

    /** An item of a schema this reader does not model (a nested Stack, ...), kept by schema name. */
    record Other(String schema, String name) implements OtioItem {
        public Other {
            name = name == null ? "" : name;
        }
    }

    /** A marker on a clip: name, colour and the range it marks (in the clip's source time). */
    record Marker(String name, String color, Optional<TimeRange> markedRange) {
        public Marker {
            name = name == null ? "" : name;
            color = color == null ? "" : color;
            Objects.requireNonNull(markedRange, "markedRange");
        }
    }
}
