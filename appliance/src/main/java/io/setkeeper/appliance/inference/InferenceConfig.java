package io.setkeeper.appliance.inference;

import java.util.Objects;

/**
 * How sessions are opened: the requested execution provider (falls back to CPU when it is not present in the
 * loaded ONNX Runtime), the intra-op thread count (chosen by measurement, see PerceptionBenchmark), the GPU
 * device id for CUDA/TensorRT, and whether idle intra-op threads spin-wait (fast on an idle machine, but on the
 * appliance decode and QC share the cores, so the default is off).
 */
public record InferenceConfig(ExecutionProvider requested, int intraOpThreads, int deviceId, boolean spinWait) {
    public InferenceConfig {
        Objects.requireNonNull(requested, "requested");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must be >= 0, got " + deviceId);
        }
    }

    /** CPU with the given thread count, no spin-waiting. */
    public static InferenceConfig cpu(int intraOpThreads) {
        return new InferenceConfig(ExecutionProvider.CPU, intraOpThreads, 0, false);
    }
}
