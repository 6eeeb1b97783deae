package io.setkeeper.appliance.inference;

import java.util.Objects;
import java.util.Set;

/**
 * The execution provider actually used and why: a pure decision from what was configured and what the loaded
 * ONNX Runtime offers, so that health can show e.g. "CPU (CUDA requested but not in this ONNX Runtime build)".
 */
public record ProviderChoice(ExecutionProvider active, String reason) {
    public ProviderChoice {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(reason, "reason");
    }

    /** Chooses the requested provider when available; TensorRT may fall back to CUDA; anything falls back to CPU. */
    public static ProviderChoice choose(ExecutionProvider requested, Set<ExecutionProvider> available) {
        if (requested == ExecutionProvider.CPU) {
            return new ProviderChoice(ExecutionProvider.CPU, "CPU configured");
        }
        if (available.contains(requested)) {
            return new ProviderChoice(requested, requested + " configured and available");
        }
        if (requested == ExecutionProvider.TENSORRT && available.contains(ExecutionProvider.CUDA)) {
            return new ProviderChoice(ExecutionProvider.CUDA, "TENSORRT configured but not available; using CUDA");
        }
        return new ProviderChoice(ExecutionProvider.CPU,
                requested + " configured but not available in this ONNX Runtime (available: " + available + "); using CPU");
    }
}
