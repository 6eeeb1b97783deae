package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.ClipAnalysis;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.clips.Clip;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Feeds each analysed clip's perceived frames to the production model, with the slate's scene and setup as the
 * labels (a clip without a slate still teaches characters and looks). Clips without perceived frames teach nothing.
 * The setup's baseline learns the clip's QC sharpness and exposure, the numbers QC later judges other clips by (unless
 * they are outside the norm of the setup's other takes: {@link RobustBaseline}).
 * A locked-off clip (analysis QC) whose picture agrees with its slate also teaches its setup's clean plate.
 */
public final class ModelFeeder implements BiConsumer<Clip, ClipAnalysis.Result> {
    private static final Logger LOG = Logger.getLogger(ModelFeeder.class.getName());

    private final ModelService model;

    public ModelFeeder(ModelService model) {
        this.model = model;
    }

    @Override
    public void accept(Clip clip, ClipAnalysis.Result result) {
        if (result.perceived().isEmpty()) {
            return;
        }
        List<Frame> frames = result.perceived().stream().map(ClipAnalysis.Perceived::frame).toList();
        List<FramePerception> seen = result.perceived().stream().map(ClipAnalysis.Perceived::seen).toList();
        ClipFeatures features = FeatureExtractor.extract(clip.fileName(), clip.slate().scene().orElse(null),
                clip.slate().setup().orElse(null), frames, seen, result.qc().orElse(null));
        LearnResult learned = model.learn(features);
        LOG.info(() -> "production model: " + clip.fileName() + (learned.learned() ? " learned" : " not learned")
                + (learned.reason().isBlank() ? "" : " (" + learned.reason() + ")"));
        if (learned.learned() && result.qc().map(io.setkeeper.appliance.analysis.qc.ClipQc::lockedOff).orElse(false)) {
            String why = model.learnPlate(clip.fileName(), frames, seen);
            LOG.info(() -> "clean plate: " + clip.fileName() + (why == null ? " learned" : " not learned (" + why + ")"));
        }
    }
}
