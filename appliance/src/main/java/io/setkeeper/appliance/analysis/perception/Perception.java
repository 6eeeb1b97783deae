package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.ProviderChoice;
import io.setkeeper.appliance.analysis.perception.slate.CtcDecoder;
import io.setkeeper.appliance.analysis.perception.slate.SlateReader;
import io.setkeeper.appliance.analysis.perception.slate.TextDetector;
import io.setkeeper.appliance.analysis.perception.slate.TextRecognizer;
import io.setkeeper.appliance.analysis.perception.slate.TextRegions;
import java.util.ArrayList;
import java.util.List;

/**
 * All perception models opened once from an {@link InferenceEngine} (hash-checked, on the configured provider):
 * the entry point the analysis pipeline calls per sampled frame. {@link #perceive} runs YOLOX and the face models
 * on every frame and the person segmenter only when the cascade ({@link PerceptionPlan}) says someone may be in
 * the picture; {@link #sequence()} can additionally carry face embeddings between consecutive sampled frames of one
 * clip ({@link EmbeddingReuse}; off by default). Thread-safe; close it to free the sessions.
 */
public final class Perception implements AutoCloseable {
    /**
     * Longest side of the text detector's input: the pipeline hands slate candidates over as detail frames of this
     * size ({@code FrameSource.Options.DETAIL_SIDE}), made from the decoded picture, not enlarged from 480 px.
     */
    public static final int SLATE_SIDE = 960;

    /**
     * What perception may skip.
     *
     * @param cascade the person-mask cascade
     * @param reuse   embedding reuse between consecutive sampled frames, used by {@link #sequence()} only
     */
    public record Settings(PerceptionPlan.Cascade cascade, EmbeddingReuse.Config reuse) {
        public Settings {
            java.util.Objects.requireNonNull(cascade, "cascade");
            java.util.Objects.requireNonNull(reuse, "reuse");
        }

        /**
         * The cascade on; embedding reuse off (measured: it saves about a tenth of the CPU on frames with faces but
         * moved the production model's identity numbers, see docs/analysis.md).
         */
        public static Settings defaults() {
            return new Settings(PerceptionPlan.Cascade.defaults(), EmbeddingReuse.Config.off());
        }

        /** Every model on every frame for every face (the behaviour before the cascade, for comparisons). */
        public static Settings everyModel() {
            return new Settings(PerceptionPlan.Cascade.off(), EmbeddingReuse.Config.off());
        }
    }

    private final List<ModelSession> sessions;
    private final FaceAnalyzer faces;
    private final ObjectDetector objects;
    private final PersonSegmenter segmenter;
    private final SlateReader slates;
    private final Settings settings;
    private final ProviderChoice provider;
    private final int intraOpThreads;

    private Perception(List<ModelSession> sessions, FaceAnalyzer faces, ObjectDetector objects, PersonSegmenter segmenter,
                       SlateReader slates, Settings settings, ProviderChoice provider, int intraOpThreads) {
        this.sessions = sessions;
        this.provider = provider;
        this.intraOpThreads = intraOpThreads;
        this.settings = settings;
        this.slates = slates;
        this.faces = faces;
        this.objects = objects;
        this.segmenter = segmenter;
    }

    /** Opens every model of {@link PerceptionModels} (must be registered in the engine's registry), default settings. */
    public static Perception open(InferenceEngine engine) {
        return open(engine, Settings.defaults());
    }

    /** Opens every model of {@link PerceptionModels} with the given settings. */
    public static Perception open(InferenceEngine engine, Settings settings) {
        List<ModelSession> opened = new ArrayList<>();
        try {
            ModelSession det = track(opened, engine.open(PerceptionModels.FACE_DETECTOR));
            ModelSession lm = track(opened, engine.open(PerceptionModels.FACE_LANDMARKS));
            ModelSession pose = track(opened, engine.open(PerceptionModels.HEAD_POSE));
            ModelSession emb = track(opened, engine.open(PerceptionModels.FACE_EMBEDDING));
            ModelSession yolo = track(opened, engine.open(PerceptionModels.OBJECTS));
            ModelSession seg = track(opened, engine.open(PerceptionModels.PERSON_MASK));
            FaceAnalyzer fa = new FaceAnalyzer(new FaceDetector(det), new FaceLandmarker(lm), new HeadPoseEstimator(pose),
                    new FaceEmbedder(emb), 16f);
            ModelSession textDet = track(opened, engine.open(PerceptionModels.TEXT_DETECTOR));
            ModelSession textRec = track(opened, engine.open(PerceptionModels.TEXT_RECOGNIZER));
            CtcDecoder ctc = new CtcDecoder(SlateReader.keys(engine.registry().load(PerceptionModels.TEXT_KEYS).bytes()));
            SlateReader slates = new SlateReader(new TextDetector(textDet, SLATE_SIDE, TextRegions.Settings.defaults()),
                    new TextRecognizer(textRec, ctc));
            return new Perception(List.copyOf(opened), fa, new ObjectDetector(yolo), new PersonSegmenter(seg), slates,
                    settings, engine.provider(), engine.config().intraOpThreads());
        } catch (RuntimeException e) {
            opened.forEach(ModelSession::close);
            throw e;
        }
    }

    private static ModelSession track(List<ModelSession> opened, ModelSession s) {
        opened.add(s);
        return s;
    }

    /** The slate reader (PP-OCRv4 detection + recognition + the slate parser). */
    public SlateReader slates() {
        return slates;
    }

    public List<Face> faces(Frame frame) {
        return faces.analyze(frame);
    }

    public List<Detection> objects(Frame frame) {
        return objects.detect(frame);
    }

    public PersonMask personMask(Frame frame) {
        return segmenter.segment(frame);
    }

    public Settings settings() {
        return settings;
    }

    /** The execution provider the sessions run on, and why (health shows it). */
    public ProviderChoice provider() {
        return provider;
    }

    /** Intra-op threads per session. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** Faces, objects and the person mask of one frame (the mask empty when the cascade sees nobody). */
    public FramePerception perceive(Frame frame) {
        return perceive(frame, true);
    }

    /**
     * As {@link #perceive(Frame)}; with {@code maskWanted} false the person segmenter is not run at all and the
     * frame's mask is null (not measured), for frames whose mask nobody downstream reads (the pipeline keeps only
     * the first {@code ClipAnalysis.KEEP_PERCEIVED} perceived frames for the model, plates and continuity).
     */
    public FramePerception perceive(Frame frame, boolean maskWanted) {
        List<Box> boxes = faces.detect(frame);
        return perceive(frame, boxes, new float[boxes.size()][], maskWanted);
    }

    /** A per-clip perceiver that carries face embeddings between consecutive sampled frames; one per clip. */
    public PerceptionSequence sequence() {
        return new PerceptionSequence(this, settings.reuse());
    }

    List<Box> faceBoxes(Frame frame) {
        return faces.detect(frame);
    }

    /**
     * The cascade over already detected face boxes; {@code reused[i]} replaces box i's embedding when not null; no
     * mask at all (null) unless {@code maskWanted}.
     */
    FramePerception perceive(Frame frame, List<Box> faceBoxes, float[][] reused, boolean maskWanted) {
        float reported = objects.scoreThreshold();
        List<Detection> all = objects.detect(frame, maskWanted
                ? Math.min(reported, settings.cascade().personThreshold()) : reported);
        List<Detection> shown = all.stream().filter(d -> d.box().score() >= reported).toList();
        PersonMask mask = null;
        if (maskWanted) {
            PerceptionPlan plan = PerceptionPlan.decide(all, !faceBoxes.isEmpty(), settings.cascade());
            mask = plan.personMask() ? segmenter.segment(frame) : PersonMask.empty(PersonSegmenter.SIZE, PersonSegmenter.SIZE);
        }
        return new FramePerception(frame.ptsMicros(), faces.analyze(frame, faceBoxes, reused), shown, mask);
    }

    @Override
    public void close() {
        sessions.forEach(ModelSession::close);
    }
}
