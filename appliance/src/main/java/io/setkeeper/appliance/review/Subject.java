package io.setkeeper.appliance.review;

import java.util.List;
import java.util.Optional;

/**
 * Something a person decides on: a proposed fix or a flag, with the evidence the decision is made on and the model
 * version that produced it (if a model did).
 */
public record Subject(Type type, String id, List<String> evidence, String modelVersion) {
    /** The kinds of subject the gate decides. */
    public enum Type { FIX, FLAG }

    public Subject {
        evidence = List.copyOf(evidence);
    }

    /**
     * Finds subjects of one type by id. The FIX resolver is the gate's own; the flags feature registers a FLAG
     * resolver with {@link ReviewService#registerResolver}.
     */
    @FunctionalInterface
    public interface Resolver {
        Optional<Subject> find(String id);
    }
}
