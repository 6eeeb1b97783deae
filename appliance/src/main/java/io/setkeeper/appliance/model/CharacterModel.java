package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.perception.FaceTracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Characters: face tracks grouped into clusters (running sum of L2-normalised embeddings per cluster, so a new
 * track costs O(clusters x 512), independent of the clips learned). A person names a cluster once; named clusters
 * are the characters. A track is labelled with the nearest named prototype (cosine) unless it is below the
 * rejection threshold, then it stays unknown. The threshold is calibrated from running statistics of measured
 * same-character and different-character similarities (until both have {@link #MIN_CALIBRATION} samples, the
 * prior is perception's own same-person floor for this embedding, {@code FaceTracker.Config.minSimilarityAlone}).
 * People seen without a face (no embedding) are never assigned to a character.
 */
final class CharacterModel {
    static final double PRIOR_THRESHOLD = FaceTracker.Config.defaults().minSimilarityAlone();
    static final int MIN_CALIBRATION = 3;
    /** Tracks seen in fewer sampled frames do not found or move clusters (they are still predicted). */
    static final int MIN_OBSERVATIONS = 3;
    static final int DIM = 512;

    static final class Cluster {
        final int id;
        final double[] sum = new double[DIM];
        final double[] wardrobe = new double[3];
        long n;
        long wardrobeN;
        String name;

        Cluster(int id) {
            this.id = id;
        }

        float[] prototype() {
            double norm = 0;
            for (double v : sum) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            float[] p = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                p[i] = norm == 0 ? 0f : (float) (sum[i] / norm);
            }
            return p;
        }

        void add(ClipFeatures.Person p, int sign) {
            for (int i = 0; i < DIM; i++) {
                sum[i] += sign * p.embedding()[i];
            }
            n += sign;
            if (p.wardrobe() != null) {
                for (int i = 0; i < 3; i++) {
                    wardrobe[i] += sign * p.wardrobe()[i];
                }
                wardrobeN += sign;
            }
        }
    }

    final Map<Integer, Cluster> clusters = new LinkedHashMap<>();
    final Running same = new Running();
    final Running different = new Running();
    /** "clip#person" to cluster id, for every track that moved a cluster. */
    final Map<String, Integer> assigned = new HashMap<>();
    /** "clip#person" to the character a person said it is: never changed by learning. */
    final Map<String, String> pinned = new LinkedHashMap<>();
    int nextId = 1;

    static String key(String clip, int person) {
        return clip + "#" + person;
    }

    double threshold() {
        if (same.n() < MIN_CALIBRATION || different.n() < MIN_CALIBRATION) {
            return PRIOR_THRESHOLD;
        }
        double ss = Math.max(1e-3, same.sd()), sd = Math.max(1e-3, different.sd());
        // where the two fitted normals are equally many standard deviations away
        return (same.mean() * sd + different.mean() * ss) / (ss + sd);
    }

    double scale() {
        if (same.n() < MIN_CALIBRATION || different.n() < MIN_CALIBRATION) {
            return 0.05;
        }
        return Math.max(0.02, (same.sd() + different.sd()) / 2);
    }

    Optional<Cluster> named(String name) {
        return clusters.values().stream().filter(c -> name.equals(c.name)).findFirst();
    }

    List<Cluster> namedClusters() {
        return clusters.values().stream().filter(c -> c.name != null && c.n > 0).toList();
    }

    /** Learns one clip's people; returns the cluster each person went to (null = too short to learn). */
    List<Integer> learn(String clip, List<ClipFeatures.Person> people) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            ClipFeatures.Person p = people.get(i);
            String k = key(clip, i);
            if (p.embedding() == null) {
                out.add(null);
                continue;
            }
            String pin = pinned.get(k);
            if (pin != null) {
                Cluster c = named(pin).orElseThrow();
                calibrate(p, c);
                c.add(p, 1);
                assigned.put(k, c.id);
                out.add(c.id);
                continue;
            }
            if (p.observations() < MIN_OBSERVATIONS) {
                out.add(null);
                continue;
            }
            Cluster best = null;
            double bestSim = -2;
            for (Cluster c : clusters.values()) {
                if (c.n <= 0) {
                    continue;
                }
                double s = cosine(c.prototype(), p.embedding());
                if (s > bestSim) {
                    bestSim = s;
                    best = c;
                }
            }
            if (best == null || bestSim < threshold()) {
                best = new Cluster(nextId++);
                clusters.put(best.id, best);
            } else if (best.name != null) {
                calibrate(p, best);
            }
            best.add(p, 1);
            assigned.put(k, best.id);
            out.add(best.id);
        }
        return out;
    }

    /** Undoes what {@link #learn} did for a clip (for re-learning and corrections). */
    void unlearn(String clip, List<ClipFeatures.Person> people) {
        for (int i = 0; i < people.size(); i++) {
            Integer id = assigned.remove(key(clip, i));
            if (id != null && clusters.containsKey(id)) {
                clusters.get(id).add(people.get(i), -1);
            }
        }
    }

    private void calibrate(ClipFeatures.Person p, Cluster own) {
        if (own.n > 0) {
            same.add(cosine(own.prototype(), p.embedding()));
        }
        for (Cluster c : namedClusters()) {
            if (c != own && !c.name.equals(own.name)) {
                different.add(cosine(c.prototype(), p.embedding()));
            }
        }
    }

    /** Names a cluster; naming a second cluster with a known name merges it into the character. */
    void name(int clusterId, String name) {
        Cluster c = clusters.get(clusterId);
        if (c == null) {
            throw new IllegalArgumentException("no cluster " + clusterId);
        }
        if (c.name != null && !c.name.equals(name)) {
            throw new IllegalArgumentException("cluster " + clusterId + " is already " + c.name
                    + ": correct the tracks that are " + name + " instead of renaming the character");
        }
        Optional<Cluster> existing = named(name);
        if (existing.isPresent() && existing.get() != c) {
            Cluster into = existing.get();
            for (int i = 0; i < DIM; i++) {
                into.sum[i] += c.sum[i];
            }
            for (int i = 0; i < 3; i++) {
                into.wardrobe[i] += c.wardrobe[i];
            }
            into.n += c.n;
            into.wardrobeN += c.wardrobeN;
            clusters.remove(c.id);
            assigned.replaceAll((k, v) -> v == c.id ? into.id : v);
            return;
        }
        for (Cluster other : namedClusters()) {
            if (other != c && c.n > 0) {
                different.add(cosine(other.prototype(), c.prototype()));
            }
        }
        c.name = name;
    }

    /** The character of a track: nearest named prototype, or unknown below the threshold. */
    CharacterPrediction predict(ClipFeatures.Person p) {
        if (p.embedding() == null) {
            return new CharacterPrediction(null, 0, Double.NaN, threshold(), Double.NaN, CharacterPrediction.Source.MODEL);
        }
        String bestName = null;
        double best = -2;
        Cluster bestCluster = null;
        for (Cluster c : namedClusters()) {
            double s = cosine(c.prototype(), p.embedding());
            if (s > best) {
                best = s;
                bestName = c.name;
                bestCluster = c;
            }
        }
        double t = threshold();
        if (bestName == null) {
            return new CharacterPrediction(null, 0, Double.NaN, t, Double.NaN, CharacterPrediction.Source.MODEL);
        }
        double confidence = 1 / (1 + Math.exp(-(best - t) / scale()));
        double wardrobe = Double.NaN;
        if (p.wardrobe() != null && bestCluster.wardrobeN > 0) {
            double d = 0;
            for (int i = 0; i < 3; i++) {
                double m = bestCluster.wardrobe[i] / bestCluster.wardrobeN - p.wardrobe()[i];
                d += m * m;
            }
            wardrobe = Math.sqrt(d);
        }
        return new CharacterPrediction(best >= t ? bestName : null, confidence, best, t, wardrobe,
                CharacterPrediction.Source.MODEL);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
