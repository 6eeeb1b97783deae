package io.setkeeper.protocol.interchange.otio;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An OpenTimelineIO timeline as Setkeeper writes and reads it: a name, metadata and the tracks of its top stack.
 * Only the parts used for exchange are modelled; see {@link OtioJson} for the schema names.
 */
public record OtioTimeline(String name, JsonObject metadata, List<Track> tracks) {
    public OtioTimeline {
        name = name == null ? "" : name;
        Objects.requireNonNull(metadata, "metadata");
        tracks = List.copyOf(tracks);
    }

    /** A track: name, kind ({@code Video} or {@code Audio}) and its items in order. */
    public record Track(String name, String kind, List<OtioItem> items) {
        public Track {
            name = name == null ? "" : name;
            kind = kind == null ? "" : kind;
            items = List.copyOf(items);
        }

        /** The clips of this track, in order. */
        public List<OtioItem.Clip> clips() {
            return items.stream().filter(OtioItem.Clip.class::isInstance).map(OtioItem.Clip.class::cast).toList();
        }
    }

    /** Every clip of every track, track by track. */
    public List<OtioItem.Clip> clips() {
        return tracks.stream().flatMap(t -> t.clips().stream()).toList();
    }

    /** Every item of every track. */
    public Stream<OtioItem> items() {
        return tracks.stream().flatMap(t -> t.items().stream());
    }
}
