package io.setkeeper.appliance.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.setkeeper.appliance.analysis.perception.Perception;

/**
 * Liveness detail for perception: the execution provider the models run on and why (e.g. CUDA configured but not in
 * this ONNX Runtime, so CPU), and the intra-op threads; or that analysis runs QC only because no models were
 * opened. Always up: without models the appliance still offloads and measures.
 */
public final class InferenceHealthCheck implements HealthCheck {
    private final Perception perception;

    /** @param perception the opened models, or null (QC only) */
    public InferenceHealthCheck(Perception perception) {
        this.perception = perception;
    }

    @Override
    public String name() {
        return "inference";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.LIVENESS;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder b = HealthCheckResponse.builder().status(true);
        if (perception == null) {
            return b.detail("perception", "off: no models, analysis runs QC only").build();
        }
        return b.detail("perception", "on").detail("provider", perception.provider().active().name())
                .detail("providerReason", perception.provider().reason())
                .detail("intraOpThreads", perception.intraOpThreads()).build();
    }
}
