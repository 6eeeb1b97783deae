package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the perception models for the pipeline: {@code SETKEEPER_MODELS}, else {@code $SETKEEPER_DATA/models}.
 * Without them (or if a model is refused) the pipeline runs QC only and says so in the log.
 */
public final class Pipelines {
    private static final Logger LOG = Logger.getLogger(Pipelines.class.getName());

    private Pipelines() {
    }

    /** The models folder, if configured and present. */
    public static Optional<Path> modelsDir() {
        String models = System.getenv("SETKEEPER_MODELS");
        String data = System.getenv("SETKEEPER_DATA");
        Path dir = models != null && !models.isBlank() ? Path.of(models)
                : data != null && !data.isBlank() ? Path.of(data, "models") : null;
        return dir != null && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** Opens every perception model on the CPU with one intra-op thread, or returns null (QC only). */
    public static Perception openPerception() {
        return openPerception(InferenceConfig.cpu(1));
    }

    /**
     * Opens every perception model with the configured provider and threads ({@code setkeeper.inference.*}), or
     * returns null (QC only).
     */
    public static Perception openPerception(InferenceConfig inference) {
        Optional<Path> dir = modelsDir();
        if (dir.isEmpty()) {
            LOG.info("no perception models (SETKEEPER_MODELS / SETKEEPER_DATA/models): analysis runs QC only");
            return null;
        }
        try {
            ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), dir.get());
            InferenceEngine engine = new InferenceEngine(registry, inference);
            LOG.info("perception on " + engine.provider().active() + " (" + engine.provider().reason() + "), "
                    + inference.intraOpThreads() + " intra-op thread(s)");
            return Perception.open(engine);
        } catch (RuntimeException e) {
            LOG.warning("perception models not opened, analysis runs QC only: " + e.getMessage());
            return null;
        }
    }
}
