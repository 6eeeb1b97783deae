package io.setkeeper.appliance.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Setups: a nearest-prototype classifier over the background + framing descriptor, each dimension scaled by its
 * pooled within-setup standard deviation (a diagonal LDA). Each setup keeps running sums of its clips'
 * descriptors, each dimension a running mean/variance over all clips; so one clip costs O(setups x dims). A clip without people contributes only its background block; missing framing is
 * imputed with the production's mean framing.
 */
final class SetupModel {
    static final int B = FeatureExtractor.BACKGROUND_DIMS;
    static final int DIMS = B + FeatureExtractor.FRAMING_DIMS;
    static final double VARIANCE_FLOOR = 1e-4;

    static final class Proto {
        final double[] bgSum = new double[B];
        final double[] frSum = new double[FeatureExtractor.FRAMING_DIMS];
        long bgN;
        long frN;

        void add(float[] bg, float[] fr, int sign) {
            for (int i = 0; i < B; i++) {
                bgSum[i] += sign * bg[i];
            }
            bgN += sign;
            if (fr != null) {
                for (int i = 0; i < fr.length; i++) {
                    frSum[i] += sign * fr[i];
                }
                frN += sign;
            }
        }
    }

    final Map<String, Proto> setups = new LinkedHashMap<>();
    final Running[] dims = new Running[DIMS];

    SetupModel() {
        for (int i = 0; i < DIMS; i++) {
            dims[i] = new Running();
        }
    }

    void learn(ClipFeatures f, String setup) {
        Proto p = setups.computeIfAbsent(setup, s -> new Proto());
        for (int i = 0; i < B; i++) {
            dims[i].add(f.background()[i]);
        }
        if (f.framing() != null) {
            for (int i = 0; i < f.framing().length; i++) {
                dims[B + i].add(f.framing()[i]);
            }
        }
        p.add(f.background(), f.framing(), 1);
    }

    void unlearn(ClipFeatures f, String setup) {
        Proto p = setups.get(setup);
        if (p == null) {
            return;
        }
        for (int i = 0; i < B; i++) {
            dims[i].remove(f.background()[i]);
        }
        if (f.framing() != null) {
            for (int i = 0; i < f.framing().length; i++) {
                dims[B + i].remove(f.framing()[i]);
            }
        }
        p.add(f.background(), f.framing(), -1);
        if (p.bgN <= 0) {
            setups.remove(setup);
        }
    }

    /**
     * The scale of dimension i: its pooled within-setup standard deviation (from the running totals and the
     * per-setup sums, O(setups)), or the total one while too few setups have a second take; plus a small floor.
     * Scaled so, the squared distance of a take to its own setup's prototype averages about {@link #DIMS}.
     */
    double sd(int i) {
        long n = dims[i].n();
        long groups = 0;
        double between = 0;
        for (Proto p : setups.values()) {
            long k = i < B ? p.bgN : p.frN;
            if (k > 0) {
                double sum = i < B ? p.bgSum[i] : p.frSum[i - B];
                between += sum * sum / k;
                groups++;
            }
        }
        double var = dims[i].variance();
        if (n - groups >= 2) {
            double squares = dims[i].m2() + n * dims[i].mean() * dims[i].mean();
            var = Math.max(0, squares - between) / (n - groups);
        }
        return Math.sqrt(var + VARIANCE_FLOOR);
    }

    /** Whether enough setups have repeated takes for the within-setup scale to be measured. */
    boolean calibrated() {
        long groups = setups.values().stream().filter(p -> p.bgN > 0).count();
        return dims[0].n() - groups >= SetupCheck.MIN_WITHIN;
    }

    /**
     * The squared standardised distance a new take of {@code setup} is expected to have to its prototype: DIMS,
     * inflated by the prototype's own uncertainty (1 + 1/k for k takes in it) and by the within-setup variance being
     * estimated from few takes (a Student t with n - setups degrees of freedom: nu / (nu - 2)).
     */
    double expectedDistance2(String setup, boolean leaveOut) {
        Proto p = setups.get(setup);
        long k = p == null ? 1 : Math.max(1, p.bgN - (leaveOut ? 1 : 0));
        long groups = setups.values().stream().filter(q -> q.bgN > 0).count();
        long nu = dims[0].n() - groups - (leaveOut ? 1 : 0);
        double t = nu > 2 ? (double) nu / (nu - 2) : 3;
        return DIMS * (1 + 1.0 / k) * t;
    }

    double[] scales() {
        double[] sd = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            sd[i] = sd(i);
        }
        return sd;
    }

    double[] standardised(float[] bg, float[] fr, double[] sd) {
        double[] x = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            double v = i < B ? bg[i] : fr != null ? fr[i - B] : dims[i].mean();
            x[i] = (v - dims[i].mean()) / sd[i];
        }
        return x;
    }

    /** Standardised prototype of a setup, optionally without one clip's contribution (leave-one-out). */
    double[] prototype(Proto p, float[] leaveBg, float[] leaveFr, double[] sd) {
        int sign = leaveBg == null ? 0 : 1;
        long bn = p.bgN - sign;
        long fn = p.frN - (leaveFr != null && sign == 1 ? 1 : 0);
        if (bn <= 0) {
            return null;
        }
        double[] x = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            double mean;
            if (i < B) {
                mean = (p.bgSum[i] - (sign == 1 ? leaveBg[i] : 0)) / bn;
            } else if (fn > 0) {
                mean = (p.frSum[i - B] - (leaveFr != null && sign == 1 ? leaveFr[i - B] : 0)) / fn;
            } else {
                mean = dims[i].mean();
            }
            x[i] = (mean - dims[i].mean()) / sd[i];
        }
        return x;
    }

    static double distance2(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            double m = a[i] - b[i];
            d += m * m;
        }
        return d;
    }

    /** Distances from a clip to every setup; {@code ownSetup} is left out of its own prototype when leaveOut. */
    List<SetupPrediction.Candidate> rank(ClipFeatures f, String ownSetup, boolean leaveOut) {
        double[] sd = scales();
        double[] x = standardised(f.background(), f.framing(), sd);
        List<SetupPrediction.Candidate> out = new ArrayList<>();
        for (Map.Entry<String, Proto> e : setups.entrySet()) {
            boolean own = leaveOut && e.getKey().equals(ownSetup);
            double[] p = prototype(e.getValue(), own ? f.background() : null, own ? f.framing() : null, sd);
            if (p != null) {
                out.add(new SetupPrediction.Candidate(e.getKey(), Math.sqrt(distance2(x, p))));
            }
        }
        out.sort((a, b) -> Double.compare(a.distance(), b.distance()));
        return out;
    }
}
