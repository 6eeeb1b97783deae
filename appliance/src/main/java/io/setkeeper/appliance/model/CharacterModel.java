package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.perception.Face;
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
        /** Per scene: summed CIELAB wardrobe and the number of tracks (L, a, b, n). */
        final Map<String, double[]> scenes = new LinkedHashMap<>();
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

        void add(ClipFeatures.Person p, int sign, String scene) {
            for (int i = 0; i < DIM; i++) {
                sum[i] += sign * p.embedding()[i];
            }
            n += sign;
            if (p.wardrobe() != null) {
                double[] sc = scene == null ? null : scenes.computeIfAbsent(scene, k -> new double[4]);
                for (int i = 0; i < 3; i++) {
                    wardrobe[i] += sign * p.wardrobe()[i];
                    if (sc != null) {
                        sc[i] += sign * p.wardrobe()[i];
                    }
                }
                wardrobeN += sign;
                if (sc != null) {
                    sc[3] += sign;
                    if (sc[3] <= 0) {
                        scenes.remove(scene);
                    }
                }
            }
        }

        /** Mean wardrobe colour, or null when none was measured. */
        double[] wardrobeMean() {
            return wardrobeN <= 0 ? null : new double[] {wardrobe[0] / wardrobeN, wardrobe[1] / wardrobeN, wardrobe[2] / wardrobeN};
        }
    }

    final Map<Integer, Cluster> clusters = new LinkedHashMap<>();
    final Running same = new Running();
    final Running different = new Running();
    /** Wardrobe delta E of tracks to their own named character and to the other named characters. */
    final Running wardrobeSame = new Running();
    final Running wardrobeDifferent = new Running();
    /** "clip#person" to cluster id, for every track that moved a cluster. */
    final Map<String, Integer> assigned = new HashMap<>();
    /** "clip#person" to the character a person said it is: never changed by learning. */
    final Map<String, String> pinned = new LinkedHashMap<>();
    int nextId = 1;
    /** The wardrobe as a secondary cue (off only to measure what it adds). */
    boolean wardrobeCue = true;

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
    List<Integer> learn(String clip, String scene, List<ClipFeatures.Person> people) {
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
                c.add(p, 1, scene);
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
            best.add(p, 1, scene);
            assigned.put(k, best.id);
            out.add(best.id);
        }
        return out;
    }

    /** Undoes what {@link #learn} did for a clip (for re-learning and corrections). */
    void unlearn(String clip, String scene, List<ClipFeatures.Person> people) {
        for (int i = 0; i < people.size(); i++) {
            Integer id = assigned.remove(key(clip, i));
            if (id != null && clusters.containsKey(id)) {
                clusters.get(id).add(people.get(i), -1, scene);
            }
        }
    }

    private void calibrate(ClipFeatures.Person p, Cluster own) {
        if (own.n > 0) {
            same.add(cosine(own.prototype(), p.embedding()));
            if (p.wardrobe() != null && own.wardrobeN > 0) {
                wardrobeSame.add(WardrobeCue.deltaE(p.wardrobe(), own.wardrobeMean()));
            }
        }
        for (Cluster c : namedClusters()) {
            if (c != own && !c.name.equals(own.name)) {
                different.add(cosine(c.prototype(), p.embedding()));
                if (p.wardrobe() != null && c.wardrobeN > 0) {
                    wardrobeDifferent.add(WardrobeCue.deltaE(p.wardrobe(), c.wardrobeMean()));
                }
            }
        }
    }

    WardrobeCue.Calibration wardrobeCalibration() {
        return WardrobeCue.Calibration.of(wardrobeSame, wardrobeDifferent);
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
            c.scenes.forEach((scene, v) -> {
                double[] t = into.scenes.computeIfAbsent(scene, k -> new double[4]);
                for (int i = 0; i < 4; i++) {
                    t[i] += v[i];
                }
            });
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

    /**
     * The character of a track: the nearest named prototype, kept when face plus wardrobe evidence
     * ({@link WardrobeCue}) is &gt;= 0, else unknown. People seen without a face are never a character.
     */
    CharacterPrediction predict(ClipFeatures.Person p) {
        double t = threshold();
        if (p.embedding() == null) {
            return new CharacterPrediction(null, 0, Double.NaN, t, Double.NaN, CharacterPrediction.Source.MODEL,
                    wardrobeOnly(p));
        }
        double best = -2;
        Cluster bestCluster = null;
        for (Cluster c : namedClusters()) {
            double s = cosine(c.prototype(), p.embedding());
            if (s > best) {
                best = s;
                bestCluster = c;
            }
        }
        if (bestCluster == null) {
            return new CharacterPrediction(null, 0, Double.NaN, t, Double.NaN, CharacterPrediction.Source.MODEL,
                    wardrobeOnly(p));
        }
        double wardrobe = p.wardrobe() != null && bestCluster.wardrobeN > 0
                ? WardrobeCue.deltaE(p.wardrobe(), bestCluster.wardrobeMean()) : Double.NaN;
        WardrobeCue.Calibration cal = wardrobeCue ? wardrobeCalibration()
                : new WardrobeCue.Calibration(WardrobeCue.PRIOR_THRESHOLD, WardrobeCue.PRIOR_SCALE, false);
        double evidence = WardrobeCue.evidence(best, t, scale(), wardrobe, p.width(), p.observations(), cal);
        boolean faceAlone = best >= t;
        boolean known = evidence >= 0;
        double confidence = 1 / (1 + Math.exp(-evidence));
        CharacterPrediction.Wardrobe w = p.wardrobe() == null ? null : new CharacterPrediction.Wardrobe(p.wardrobe(),
                wardrobe, cal.threshold(), known != faceAlone, null, Double.NaN, 0, false);
        return new CharacterPrediction(known ? bestCluster.name : null, confidence, best, t, wardrobe,
                CharacterPrediction.Source.MODEL, w);
    }

    private CharacterPrediction.Wardrobe wardrobeOnly(ClipFeatures.Person p) {
        return p.wardrobe() == null ? null : new CharacterPrediction.Wardrobe(p.wardrobe(), Double.NaN,
                wardrobeCalibration().threshold(), false, null, Double.NaN, 0, false);
    }

    /**
     * The prediction with the character's wardrobe in this scene: the mean of the other tracks of the character in
     * the scene (this clip's own contribution left out), the delta E to it, and whether it is a change (beyond the
     * wardrobe threshold: more unlike than a different character's clothes usually are).
     */
    CharacterPrediction inScene(CharacterPrediction c, ClipFeatures.Person p, String clip, int index, String scene) {
        if (c.character() == null || p.wardrobe() == null || scene == null || c.wardrobe() == null) {
            return c;
        }
        Cluster cluster = named(c.character()).orElse(null);
        double[] ref = cluster == null ? null : cluster.scenes.get(scene);
        if (ref == null) {
            return c;
        }
        double[] sum = ref.clone();
        Integer own = assigned.get(key(clip, index));
        if (own != null && own == cluster.id) {
            for (int i = 0; i < 3; i++) {
                sum[i] -= p.wardrobe()[i];
            }
            sum[3] -= 1;
        }
        if (sum[3] < 1) {
            return c.withWardrobe(new CharacterPrediction.Wardrobe(p.wardrobe(), c.wardrobe().characterDeltaE(),
                    c.wardrobe().threshold(), c.wardrobe().decided(), scene, Double.NaN, 0, false));
        }
        double d = WardrobeCue.deltaE(p.wardrobe(), new double[] {sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]});
        return c.withWardrobe(new CharacterPrediction.Wardrobe(p.wardrobe(), c.wardrobe().characterDeltaE(),
                c.wardrobe().threshold(), c.wardrobe().decided(), scene, d, (long) sum[3],
                d > wardrobeCalibration().changeThreshold()));
    }

    static double cosine(float[] a, float[] b) {
        return Face.cosine(a, b);
    }
}
