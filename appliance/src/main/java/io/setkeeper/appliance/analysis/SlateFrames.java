package io.setkeeper.appliance.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Picks the frames a slate can be in while a clip decodes: the head (the first {@code window} of clip time) and
 * the tail (the last {@code window}, for end boards), one frame per {@code spacing} each. The tail is a sliding
 * buffer, so memory stays a handful of frames whatever the clip's length. Not thread-safe (the decoding thread).
 */
public final class SlateFrames {
    /** A candidate frame with its index and whether it came from the tail. */
    public record Candidate(long index, Frame frame, boolean tail) {
    }

    private final long windowMicros;
    private final long spacingMicros;
    private final List<Candidate> head = new ArrayList<>();
    private final Deque<Candidate> tail = new ArrayDeque<>();
    private long firstPts = Long.MIN_VALUE;

    public SlateFrames(long windowMicros, long spacingMicros) {
        if (windowMicros <= 0 || spacingMicros <= 0) {
            throw new IllegalArgumentException("window and spacing must be positive");
        }
        this.windowMicros = windowMicros;
        this.spacingMicros = spacingMicros;
    }

    /** Two seconds at each end, two frames a second. */
    public static SlateFrames defaults() {
        return new SlateFrames(2_000_000, 500_000);
    }

    public void offer(Frame frame, long index) {
        long pts = frame.ptsMicros();
        if (firstPts == Long.MIN_VALUE) {
            firstPts = pts;
        }
        if (pts - firstPts < windowMicros) {
            if (head.isEmpty() || pts - head.getLast().frame().ptsMicros() >= spacingMicros) {
                head.add(new Candidate(index, frame, false));
            }
            return;
        }
        if (tail.isEmpty() || pts - tail.getLast().frame().ptsMicros() >= spacingMicros) {
            tail.addLast(new Candidate(index, frame, true));
        }
        while (!tail.isEmpty() && tail.getFirst().frame().ptsMicros() < pts - windowMicros) {
            tail.removeFirst();
        }
    }

    /** Head candidates first (in order), then the tail's from the end backwards (an end board is near the end). */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>(head);
        List<Candidate> t = new ArrayList<>(tail);
        java.util.Collections.reverse(t);
        out.addAll(t);
        return out;
    }
}
