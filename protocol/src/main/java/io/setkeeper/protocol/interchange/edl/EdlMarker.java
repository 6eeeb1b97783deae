package io.setkeeper.protocol.interchange.edl;

/** A {@code * LOC:} locator on an event: its record-side frame (at the EDL's rate), its colour word and its text. */
public record EdlMarker(long frame, String color, String name) {
    public EdlMarker {
        color = color == null ? "" : color;
        name = name == null ? "" : name;
    }
}
