package io.setkeeper.appliance.analysis.perception.slate;

import java.util.List;

/**
 * Greedy CTC decoding of a recognition output, pure: per time step the most probable class; repeats collapse,
 * blanks (class 0) separate; class {@code i} is {@code keys[i - 1]} and the class after the last key is a space.
 * The confidence is the mean probability of the emitted characters (0 for an empty text).
 */
public final class CtcDecoder {
    /** A decoded line. */
    public record Decoded(String text, double confidence) {
    }

    private final List<String> keys;

    public CtcDecoder(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no recognition keys");
        }
        this.keys = List.copyOf(keys);
    }

    /** The number of classes the model must output (blank + keys + space). */
    public int classes() {
        return keys.size() + 2;
    }

    /** Decodes one sequence of {@code steps} x {@link #classes()} probabilities starting at {@code offset}. */
    public Decoded decode(float[] probs, int offset, int steps) {
        int classes = classes();
        if (offset + (long) steps * classes > probs.length) {
            throw new IllegalArgumentException("output holds " + probs.length + " values, need " + steps + "x" + classes);
        }
        StringBuilder text = new StringBuilder();
        double sum = 0;
        int emitted = 0;
        int previous = 0;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int best = 0;
            float bestP = probs[base];
            for (int c = 1; c < classes; c++) {
                if (probs[base + c] > bestP) {
                    bestP = probs[base + c];
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(best == classes - 1 ? " " : keys.get(best - 1));
                sum += bestP;
                emitted++;
            }
            previous = best;
        }
        return new Decoded(text.toString(), emitted == 0 ? 0 : sum / emitted);
    }
}
