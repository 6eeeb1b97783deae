package io.setkeeper.protocol.interchange.edl;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CMX3600 event line with the comment lines that follow it. Times are frame counts at the EDL's rate (see
 * {@link Edl#fps()}); out points are exclusive. A dissolve or wipe is written as two lines with the same number
 * (the outgoing clip cut to zero length, then the {@code D}/{@code Wnnn} line), and is read as two events.
 *
 * @param line       1-based line of the event in the file (0 for events built in code)
 * @param number     the event number as written ({@code 001}, {@code 000012})
 * @param reel       the source reel or tape name
 * @param track      the channel field: {@code V}, {@code A}, {@code A2}, {@code AA}, {@code B}, ...
 * @param transition {@code C} cut, {@code D} dissolve, {@code Wnnn} wipe, {@code K}/{@code KB} key
 * @param transitionFrames the transition length in frames (0 for a cut)
 * @param clipName   from {@code * FROM CLIP NAME:}
 * @param toClipName from {@code * TO CLIP NAME:} (the incoming clip of a transition)
 * @param sourceFile from {@code * SOURCE FILE:} or {@code * FROM CLIP:}
 * @param cdl        from {@code *ASC_SOP} and {@code *ASC_SAT}
 * @param markers    from {@code * LOC:}
 * @param speed      from an {@code M2} line
 * @param comments   every other comment line, without its {@code *}
 */
public record EdlEvent(int line, String number, String reel, String track, String transition, int transitionFrames,
        long sourceIn, long sourceOut, long recordIn, long recordOut, String clipName, String toClipName,
        String sourceFile, Optional<Cdl> cdl, List<EdlMarker> markers, Optional<EdlSpeed> speed,
        List<String> comments) {
    public EdlEvent {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reel, "reel");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(transition, "transition");
        clipName = clipName == null ? "" : clipName;
        toClipName = toClipName == null ? "" : toClipName;
        sourceFile = sourceFile == null ? "" : sourceFile;
        Objects.requireNonNull(cdl, "cdl");
        markers = List.copyOf(markers);
        Objects.requireNonNull(speed, "speed");
        comments = List.copyOf(comments);
    }

    /** A video cut built in code, for writing. */
    public static EdlEvent cut(String number, String reel, long sourceIn, long sourceOut, long recordIn,
            long recordOut, String clipName, Cdl cdl) {
        return new EdlEvent(0, number, reel, "V", "C", 0, sourceIn, sourceOut, recordIn, recordOut, clipName, "", "",
                Optional.ofNullable(cdl), List.of(), Optional.empty(), List.of());
    }

    /** Source length in frames. */
    public long sourceDuration() {
        return sourceOut - sourceIn;
    }

    /** Record (timeline) length in frames. */
    public long recordDuration() {
        return recordOut - recordIn;
    }

    /** This event with other markers. */
    public EdlEvent withMarkers(List<EdlMarker> newMarkers) {
        return new EdlEvent(line, number, reel, track, transition, transitionFrames, sourceIn, sourceOut, recordIn,
                recordOut, clipName, toClipName, sourceFile, cdl, newMarkers, speed, comments);
    }

    /** This event with a speed effect. */
    public EdlEvent withSpeed(EdlSpeed newSpeed) {
        return new EdlEvent(line, number, reel, track, transition, transitionFrames, sourceIn, sourceOut, recordIn,
                recordOut, clipName, toClipName, sourceFile, cdl, markers, Optional.ofNullable(newSpeed), comments);
    }
}
