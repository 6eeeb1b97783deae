package io.setkeeper.appliance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test-only synthetic productions: characters as random unit directions in the 512-d embedding space (takes add
 * noise), setups as random background and framing descriptors (takes add noise). Deterministic per seed.
 */
public final class Synthetic {
    final Random rng;
    final float[][] faces;
    final float[][] backgrounds;
    final float[][] framings;

    public Synthetic(long seed, int characters, int setups) {
        rng = new Random(seed);
        faces = new float[characters][];
        for (int c = 0; c < characters; c++) {
            faces[c] = unit(gaussian(512, 1));
        }
        backgrounds = new float[setups][];
        framings = new float[setups][];
        for (int s = 0; s < setups; s++) {
            float[] bg = new float[FeatureExtractor.BACKGROUND_DIMS];
            for (int i = 0; i < bg.length; i++) {
                bg[i] = (float) (i % 4 == 3 ? 5 + 10 * rng.nextDouble() : 20 + 60 * rng.nextDouble());
            }
            backgrounds[s] = bg;
            framings[s] = new float[] {(float) rng.nextDouble(), (float) rng.nextDouble(), 0.1f, 0.5f, 0.3f, 0.8f};
        }
    }

    float[] gaussian(int n, double sd) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * sd);
        }
        return v;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    /** A face of character c: its direction plus noise (cosine to it about 0.85). */
    float[] face(int c) {
        float[] noise = gaussian(512, 0.6 / Math.sqrt(512));
        float[] v = new float[512];
        for (int i = 0; i < 512; i++) {
            v[i] = faces[c][i] + noise[i];
        }
        return unit(v);
    }

    ClipFeatures.Person person(int c) {
        return new ClipFeatures.Person(face(c), new float[] {50, 10, -10}, 0.5f, 0.3f, 0.1f, 10);
    }

    /** A take of setup s with characters cs. */
    public ClipFeatures clip(String name, int s, int... cs) {
        return clip(name, "S" + s, s, cs);
    }

    ClipFeatures clip(String name, String slate, int s, int... cs) {
        float[] bg = new float[FeatureExtractor.BACKGROUND_DIMS];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = (float) (backgrounds[s][i] + rng.nextGaussian());
        }
        float[] fr = null;
        List<ClipFeatures.Person> people = new ArrayList<>();
        for (int c : cs) {
            people.add(person(c));
        }
        if (cs.length > 0) {
            fr = new float[FeatureExtractor.FRAMING_DIMS];
            for (int i = 0; i < fr.length; i++) {
                fr[i] = (float) (framings[s][i] + 0.01 * rng.nextGaussian());
            }
        }
        return new ClipFeatures(name, "5", slate, people, bg, fr,
                new ClipFeatures.Look(new double[] {50 + s, 2, 3}, new double[] {25, 0, 0, 0, 4, 0, 0, 0, 4}, 1000),
                new ClipFeatures.Picture(80 + rng.nextGaussian(), 110 + rng.nextGaussian(), 2 + 0.1 * rng.nextGaussian()), 12);
    }

    /** A black clip slated as setup s. */
    static ClipFeatures black(String name, String slate) {
        return new ClipFeatures(name, "5", slate, List.of(), new float[FeatureExtractor.BACKGROUND_DIMS], null,
                new ClipFeatures.Look(new double[3], new double[9], 1000), new ClipFeatures.Picture(0, 2, 0), 12);
    }
}
