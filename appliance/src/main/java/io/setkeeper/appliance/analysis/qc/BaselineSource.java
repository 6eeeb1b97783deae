package io.setkeeper.appliance.analysis.qc;

import java.util.Optional;

/** Where QC gets a setup's learned baseline (the production model, wired in by the appliance). */
@FunctionalInterface
public interface BaselineSource {
    BaselineSource NONE = setup -> Optional.empty();

    Optional<SetupBaseline> baseline(String setup);
}
