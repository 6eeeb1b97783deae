package io.setkeeper.appliance.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Picks the frames a slate can be in while a clip decodes: the head (the first {@code window} of clip time) and
 * the tail (the last {@code window}, for end boards), one frame per {@code spacing} each. When the clip's duration
 * is known the tail is known in advance and its candidates are final as they come; otherwise the tail is a sliding
 * buffer (memory stays a handful of frames whatever the clip's length) read once decoding ends. {@link #wants} says
 * before a frame is converted whether it would be taken, so only candidates are made in detail colour.
 * Not thread-safe (the decoding thread).
 */
public final class SlateFrames {
    /** A candidate frame with its index and whether it came from the tail. */
    public record Candidate(long index, Frame frame, boolean tail) {
    }

    private final long windowMicros;
    private final long spacingMicros;
    private final long durationMicros;
    private final List<Candidate> head = new ArrayList<>();
    private final Deque<Candidate> tail = new ArrayDeque<>();
    private long firstPts = Long.MIN_VALUE;

    /** @param durationMicros the clip's duration, or 0 when unknown (the tail then slides) */
    public SlateFrames(long windowMicros, long spacingMicros, long durationMicros) {
        if (windowMicros <= 0 || spacingMicros <= 0) {
            throw new IllegalArgumentException("window and spacing must be positive");
        }
        this.windowMicros = windowMicros;
        this.spacingMicros = spacingMicros;
        this.durationMicros = Math.max(0, durationMicros);
    }

    public SlateFrames(long windowMicros, long spacingMicros) {
        this(windowMicros, spacingMicros, 0);
    }

    /** Two seconds at each end, two frames a second. */
    public static SlateFrames forClip(long durationMicros) {
        return new SlateFrames(2_000_000, 500_000, durationMicros);
    }

    /** Whether a frame at {@code pts} would be taken by {@link #offer}. */
    public boolean wants(long pts) {
        long first = firstPts == Long.MIN_VALUE ? pts : firstPts;
        if (pts - first < windowMicros) {
            return head.isEmpty() || pts - head.getLast().frame().ptsMicros() >= spacingMicros;
        }
        if (durationMicros > 0 && pts - first < durationMicros - windowMicros) {
            return false;
        }
        return tail.isEmpty() || pts - tail.getLast().frame().ptsMicros() >= spacingMicros;
    }

    /**
     * Offers a frame; returns the candidate when taken and final (head, or tail of a clip of known duration): it can
     * be read at once. Sliding-tail candidates are returned only by {@link #candidates}.
     */
    public Optional<Candidate> offer(Frame frame, long index) {
        long pts = frame.ptsMicros();
        if (!wants(pts)) {
            return Optional.empty();
        }
        if (firstPts == Long.MIN_VALUE) {
            firstPts = pts;
        }
        if (pts - firstPts < windowMicros) {
            Candidate c = new Candidate(index, frame, false);
            head.add(c);
            return Optional.of(c);
        }
        Candidate c = new Candidate(index, frame, true);
        tail.addLast(c);
        if (durationMicros > 0) {
            return Optional.of(c);
        }
        while (!tail.isEmpty() && tail.getFirst().frame().ptsMicros() < pts - windowMicros) {
            tail.removeFirst();
        }
        return Optional.empty();
    }

    /** Head candidates first (in order), then the tail's from the end backwards (an end board is near the end). */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>(head);
        List<Candidate> t = new ArrayList<>(tail);
        java.util.Collections.reverse(t);
        out.addAll(t);
        return out;
    }

    /** The sliding tail's candidates, end first: those not yet handed out by {@link #offer}. */
    public List<Candidate> pendingTail() {
        if (durationMicros > 0) {
            return List.of();
        }
        List<Candidate> t = new ArrayList<>(tail);
        java.util.Collections.reverse(t);
        return t;
    }
}
