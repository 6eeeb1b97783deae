package io.setkeeper.appliance.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Looks (per scene and per setup background colour in CIELAB: mean and covariance, pooled over clips from running
 * sums) and baselines (per setup each take's sharpness, exposure and noise, fitted by {@link RobustBaseline} when
 * asked). Learning or forgetting a clip is O(1); a baseline's fit is O(k log k) for the setup's k takes.
 */
final class References {
    static final class LookSums {
        final double[] mean = new double[3];
        final double[] cov = new double[9];
        final double[] outer = new double[9];
        long n;

        void add(ClipFeatures.Look l, int sign) {
            for (int a = 0; a < 3; a++) {
                mean[a] += sign * l.mean()[a];
                for (int b = 0; b < 3; b++) {
                    cov[a * 3 + b] += sign * l.covariance()[a * 3 + b];
                    outer[a * 3 + b] += sign * l.mean()[a] * l.mean()[b];
                }
            }
            n += sign;
        }

        /** The reference: mean of clip means; covariance = mean within-clip + between-clip covariance. */
        Look look() {
            double[] m = new double[3];
            double[] c = new double[9];
            for (int a = 0; a < 3; a++) {
                m[a] = mean[a] / n;
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    c[a * 3 + b] = cov[a * 3 + b] / n + outer[a * 3 + b] / n - m[a] * m[b];
                }
            }
            return new Look(m, c, n);
        }
    }

    /**
     * A setup's takes as its baseline sees them: each learned clip's sharpness, exposure and noise (three numbers per
     * clip), so the baseline is fitted robustly from them ({@link RobustBaseline}); the fit is cached until a take
     * comes or goes.
     */
    static final class BaselineTakes {
        final Map<String, ClipFeatures.Picture> takes = new LinkedHashMap<>();
        private io.setkeeper.appliance.model.Baseline fitted;

        void add(String clip, ClipFeatures.Picture p, int sign) {
            if (sign > 0) {
                takes.put(clip, p);
            } else {
                takes.remove(clip);
            }
            fitted = null;
        }

        io.setkeeper.appliance.model.Baseline fit(String setup) {
            if (fitted == null) {
                fitted = RobustBaseline.fit(setup, takes);
            }
            return fitted;
        }
    }

    final Map<String, LookSums> looks = new LinkedHashMap<>();
    final Map<String, BaselineTakes> baselines = new LinkedHashMap<>();

    static String sceneKey(String scene) {
        return "scene:" + scene;
    }

    static String setupKey(String setup) {
        return "setup:" + setup;
    }

    void add(ClipFeatures f, String setup, int sign) {
        if (f.look().pixels() == 0) {
            return;
        }
        if (setup != null) {
            looks.computeIfAbsent(setupKey(setup), k -> new LookSums()).add(f.look(), sign);
        }
        addTakes(f, setup, sign);
        if (f.scene() != null) {
            looks.computeIfAbsent(sceneKey(f.scene()), k -> new LookSums()).add(f.look(), sign);
        }
        looks.values().removeIf(l -> l.n <= 0);
    }

    /** A clip's picture numbers into (or out of) its setup's baseline takes; a clip without a setup has none. */
    void addTakes(ClipFeatures f, String setup, int sign) {
        if (f.look().pixels() == 0 || setup == null) {
            return;
        }
        BaselineTakes t = baselines.computeIfAbsent(setup, k -> new BaselineTakes());
        t.add(f.clip(), f.picture(), sign);
        if (t.takes.isEmpty()) {
            baselines.remove(setup);
        }
    }
}
