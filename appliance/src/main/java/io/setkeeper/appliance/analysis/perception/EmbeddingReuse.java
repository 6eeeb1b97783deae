package io.setkeeper.appliance.analysis.perception;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which faces of a sampled frame may keep the identity embedding of a face in the previous sampled frame of the
 * same clip instead of running the embedding model again. A face qualifies when its box overlaps one previous
 * face's box with IoU at least {@link Config#minIou()} (pairs assigned one-to-one, best overlap first), the two
 * frames are at most {@link Config#maxGapMicros()} apart and the same size, and the previous embedding has been
 * carried fewer than {@link Config#maxReuses()} times (so every tracked face is embedded afresh at least every
 * {@code maxReuses + 1} sampled frames). Landmarks and head pose are always computed: they change with every turn
 * of the head. Pure decision.
 */
public final class EmbeddingReuse {
    /**
     * @param minIou       the overlap with the previous frame's face box needed to reuse its embedding
     * @param maxReuses    how many sampled frames in a row an embedding may be carried; 0 = never reuse
     * @param maxGapMicros the largest time between the two sampled frames
     */
    public record Config(float minIou, int maxReuses, long maxGapMicros) {
        public Config {
            if (!(minIou > 0 && minIou <= 1)) {
                throw new IllegalArgumentException("minIou must be in (0, 1], got " + minIou);
            }
            if (maxReuses < 0 || maxGapMicros < 0) {
                throw new IllegalArgumentException("maxReuses and maxGapMicros must be >= 0");
            }
        }

        /** Never reuse: every face is embedded in every frame. */
        public static Config off() {
            return new Config(1f, 0, 0);
        }
    }

    /** A face of the previous sampled frame: its box, and how many frames in a row its embedding was carried. */
    public record Previous(Box box, int reuses) {
    }

    private record Pair(int current, int previous, float iou) {
    }

    private EmbeddingReuse() {
    }

    /**
     * For each current face box, the index of the previous face whose embedding it keeps, or -1 to embed it.
     *
     * @param gapMicros  time from the previous sampled frame to this one (negative: not the same sequence)
     * @param sameSize   whether both frames have the same size
     */
    public static int[] assign(List<Previous> previous, List<Box> current, long gapMicros, boolean sameSize,
                               Config config) {
        int[] out = new int[current.size()];
        Arrays.fill(out, -1);
        if (config.maxReuses() == 0 || !sameSize || gapMicros < 0 || gapMicros > config.maxGapMicros()) {
            return out;
        }
        List<Pair> pairs = new ArrayList<>();
        for (int c = 0; c < current.size(); c++) {
            for (int p = 0; p < previous.size(); p++) {
                float iou = current.get(c).iou(previous.get(p).box());
                if (iou >= config.minIou()) {
                    pairs.add(new Pair(c, p, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair x) -> -x.iou()).thenComparingInt(Pair::current)
                .thenComparingInt(Pair::previous));
        boolean[] taken = new boolean[previous.size()];
        boolean[] done = new boolean[current.size()];
        for (Pair pair : pairs) {
            if (done[pair.current()] || taken[pair.previous()]) {
                continue;
            }
            // the best overlap decides the pairing; an embedding carried too long is refreshed, not handed on
            done[pair.current()] = true;
            taken[pair.previous()] = true;
            if (previous.get(pair.previous()).reuses() < config.maxReuses()) {
                out[pair.current()] = pair.previous();
            }
        }
        return out;
    }
}
