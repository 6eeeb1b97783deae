package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Perception over the sampled frames of one clip, in time order: as {@link Perception#perceive}, but, when the
 * perception's settings enable it, a face that stays where it was in the previous sampled frame keeps that frame's
 * identity embedding ({@link EmbeddingReuse}), which saves the embedding model (about 10 ms CPU per face). With reuse
 * off (the default) it gives exactly what {@code perceive} gives. Not thread-safe: one per clip, fed by one thread.
 */
public final class PerceptionSequence {
    /**
     * The reuse that was measured (not the default, see {@link Perception.Settings#defaults()}): IoU 0.7 with the
     * previous sampled frame (at most 1 s earlier), carried at most 2 frames in a row, so at 2 fps a steady face is
     * embedded every 1.5 s.
     */
    public static final EmbeddingReuse.Config MEASURED_REUSE = new EmbeddingReuse.Config(0.7f, 2, 1_000_000L);

    private final Perception perception;
    private final EmbeddingReuse.Config reuse;
    private List<EmbeddingReuse.Previous> previous = List.of();
    private List<float[]> previousEmbeddings = List.of();
    private long previousPts = Long.MIN_VALUE;
    private int previousWidth = -1;
    private int previousHeight = -1;
    private int reusedFaces;
    private int faces;

    PerceptionSequence(Perception perception, EmbeddingReuse.Config reuse) {
        this.perception = perception;
        this.reuse = reuse;
    }

    /** Perceives the next sampled frame of the clip. */
    public FramePerception perceive(Frame frame) {
        return perceive(frame, true);
    }

    /** As {@link #perceive(Frame)}, without the person mask (null) unless {@code maskWanted}. */
    public FramePerception perceive(Frame frame, boolean maskWanted) {
        List<Box> boxes = perception.faceBoxes(frame);
        long gap = previousPts == Long.MIN_VALUE ? -1 : frame.ptsMicros() - previousPts;
        boolean sameSize = frame.width() == previousWidth && frame.height() == previousHeight;
        int[] from = EmbeddingReuse.assign(previous, boxes, gap, sameSize, reuse);
        float[][] reused = new float[boxes.size()][];
        for (int i = 0; i < boxes.size(); i++) {
            if (from[i] >= 0) {
                reused[i] = previousEmbeddings.get(from[i]);
            }
        }
        FramePerception seen = perception.perceive(frame, boxes, reused, maskWanted);
        List<EmbeddingReuse.Previous> next = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < seen.faces().size(); i++) {
            next.add(new EmbeddingReuse.Previous(seen.faces().get(i).box(),
                    from[i] >= 0 ? previous.get(from[i]).reuses() + 1 : 0));
            embeddings.add(seen.faces().get(i).embedding());
            reusedFaces += from[i] >= 0 ? 1 : 0;
        }
        faces += seen.faces().size();
        previous = next;
        previousEmbeddings = embeddings;
        previousPts = frame.ptsMicros();
        previousWidth = frame.width();
        previousHeight = frame.height();
        return seen;
    }

    /** Faces so far whose embedding was carried from the previous frame, and all faces so far. */
    public int[] reuseCounts() {
        return new int[] {reusedFaces, faces};
    }
}
