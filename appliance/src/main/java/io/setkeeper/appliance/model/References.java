package io.setkeeper.appliance.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Looks (per scene and per setup background colour in CIELAB: mean and covariance, pooled over clips from running
 * sums) and baselines (per setup running mean/variance of sharpness, exposure and noise). O(1) per clip.
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

    static final class Baseline {
        final Running sharpness = new Running();
        final Running exposure = new Running();
        final Running noise = new Running();

        void add(ClipFeatures.Picture p, int sign) {
            if (sign > 0) {
                sharpness.add(p.sharpness());
                exposure.add(p.exposure());
                noise.add(p.noise());
            } else {
                sharpness.remove(p.sharpness());
                exposure.remove(p.exposure());
                noise.remove(p.noise());
            }
        }
    }

    final Map<String, LookSums> looks = new LinkedHashMap<>();
    final Map<String, Baseline> baselines = new LinkedHashMap<>();

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
            baselines.computeIfAbsent(setup, k -> new Baseline()).add(f.picture(), sign);
        }
        if (f.scene() != null) {
            looks.computeIfAbsent(sceneKey(f.scene()), k -> new LookSums()).add(f.look(), sign);
        }
        looks.values().removeIf(l -> l.n <= 0);
        baselines.values().removeIf(b -> b.exposure.n() <= 0);
    }
}
