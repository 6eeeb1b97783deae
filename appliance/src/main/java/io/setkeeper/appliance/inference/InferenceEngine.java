package io.setkeeper.appliance.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Opens verified models as ONNX Runtime sessions with the configured execution provider and thread count.
 * The provider decision is made once, from what the loaded native library offers; {@link #provider()} is what
 * health shows.
 */
public final class InferenceEngine {
    private final OrtEnvironment env;
    private final ModelRegistry registry;
    private final InferenceConfig config;
    private final ProviderChoice provider;

    public InferenceEngine(ModelRegistry registry, InferenceConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
        this.env = OrtEnvironment.getEnvironment();
        this.provider = ProviderChoice.choose(config.requested(), availableProviders());
    }

    /** Providers compiled into the loaded ONNX Runtime, mapped to ours (CPU always). */
    public static Set<ExecutionProvider> availableProviders() {
        EnumSet<ExecutionProvider> out = EnumSet.of(ExecutionProvider.CPU);
        for (OrtProvider p : OrtEnvironment.getAvailableProviders()) {
            switch (p) {
                case CUDA -> out.add(ExecutionProvider.CUDA);
                case TENSOR_RT -> out.add(ExecutionProvider.TENSORRT);
                default -> { }
            }
        }
        return out;
    }

    /** The provider sessions run on, and why. */
    public ProviderChoice provider() {
        return provider;
    }

    public InferenceConfig config() {
        return config;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** Opens a registered model (hash-checked) with this engine's provider and thread count. */
    public ModelSession open(String modelName) {
        return open(modelName, config.intraOpThreads());
    }

    /** Opens a registered model with an explicit intra-op thread count (for measuring thread choices). */
    public ModelSession open(String modelName, int intraOpThreads) {
        ModelRegistry.VerifiedModel model = registry.load(modelName);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", config.spinWait() ? "1" : "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // UltraFace lists its initializers as graph inputs: ORT warns once per tensor; keep the log to errors
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            switch (provider.active()) {
                case TENSORRT -> {
                    options.addTensorrt(config.deviceId());
                    options.addCUDA(config.deviceId());
                }
                case CUDA -> options.addCUDA(config.deviceId());
                case CPU -> { }
            }
            OrtSession session = env.createSession(model.bytes(), options);
            return new ModelSession(env, session, model.entry(), provider.active(), intraOpThreads);
        } catch (OrtException e) {
            throw new ModelRejectedException("model '" + modelName + "': ONNX Runtime cannot open "
                    + model.entry().file() + ": " + e.getMessage(), e);
        }
    }
}
