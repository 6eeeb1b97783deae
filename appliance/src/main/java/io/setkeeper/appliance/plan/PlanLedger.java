package io.setkeeper.appliance.plan;

import java.util.Optional;

/** Where the imported plan is kept (the H2 store implements it). */
public interface PlanLedger {
    /** Stores a part of the plan, replacing the one of the same kind. */
    void put(String production, PlanSource source);

    Optional<PlanSource> get(String production, PlanSource.Kind kind);
}
