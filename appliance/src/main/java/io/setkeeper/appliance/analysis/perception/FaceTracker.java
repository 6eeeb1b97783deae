package io.setkeeper.appliance.analysis.perception;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Links faces across the sampled frames of one clip into tracks. A face continues a track that was seen within
 * {@code maxGapMicros} when its box overlaps the track's last box ({@code IoU >= minIou}) and its embedding is
 * not clearly someone else's ({@code cosine >= minSimilarityWithOverlap}), or, without overlap, when the
 * embedding alone is convincing ({@code cosine >= minSimilarityAlone}, e.g. after a fast move). Pairs are
 * assigned greedily, best first; unmatched faces start new tracks. Feed frames in time order; one tracker per clip.
 */
public final class FaceTracker {
    /** Thresholds for linking. */
    public record Config(float minIou, double minSimilarityWithOverlap, double minSimilarityAlone, long maxGapMicros) {
        /** Defaults measured on the asl takes (same person >= 0.5 cosine between sampled frames). */
        public static Config defaults() {
            return new Config(0.2f, 0.2, 0.5, 2_000_000L);
        }
    }

    private static final class Open {
        final int id;
        final List<FaceTrack.Observation> observations = new ArrayList<>();
        final List<float[]> embeddings = new ArrayList<>();

        Open(int id) {
            this.id = id;
        }

        FaceTrack.Observation last() {
            return observations.getLast();
        }
    }

    private record Candidate(Open track, int face, double score) {
    }

    private final Config config;
    private final List<Open> tracks = new ArrayList<>();
    private long lastPts = Long.MIN_VALUE;

    public FaceTracker(Config config) {
        this.config = config;
    }

    /** Adds the faces of the next sampled frame. */
    public void update(long ptsMicros, List<Face> faces) {
        if (ptsMicros < lastPts) {
            throw new IllegalArgumentException("frames must arrive in time order: " + ptsMicros + " after " + lastPts);
        }
        lastPts = ptsMicros;
        List<Candidate> candidates = new ArrayList<>();
        for (Open t : tracks) {
            if (ptsMicros - t.last().ptsMicros() > config.maxGapMicros()) {
                continue;
            }
            float[] mean = normalisedMean(t.embeddings);
            for (int i = 0; i < faces.size(); i++) {
                Face f = faces.get(i);
                float iou = t.last().face().box().iou(f.box());
                double sim = Face.cosine(mean, f.embedding());
                boolean link = (iou >= config.minIou() && sim >= config.minSimilarityWithOverlap())
                        || sim >= config.minSimilarityAlone();
                if (link) {
                    candidates.add(new Candidate(t, i, iou + sim));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        boolean[] used = new boolean[faces.size()];
        List<Open> extended = new ArrayList<>();
        for (Candidate c : candidates) {
            if (used[c.face()] || extended.contains(c.track())) {
                continue;
            }
            used[c.face()] = true;
            extended.add(c.track());
            add(c.track(), ptsMicros, faces.get(c.face()));
        }
        for (int i = 0; i < faces.size(); i++) {
            if (!used[i]) {
                Open t = new Open(tracks.size() + 1);
                tracks.add(t);
                add(t, ptsMicros, faces.get(i));
            }
        }
    }

    private static void add(Open t, long pts, Face f) {
        t.observations.add(new FaceTrack.Observation(pts, f));
        t.embeddings.add(f.embedding());
    }

    /** The tracks so far, in creation order. */
    public List<FaceTrack> tracks() {
        return tracks.stream().map(t -> new FaceTrack(t.id, t.observations)).toList();
    }

    static float[] normalisedMean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no embeddings");
        }
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < sum.length; i++) {
            sum[i] = norm == 0 ? 0 : (float) (sum[i] / norm);
        }
        return sum;
    }
}
