package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.analysis.perception.slate.CtcDecoder;
import io.setkeeper.appliance.analysis.perception.slate.SlateReader;
import io.setkeeper.appliance.analysis.perception.slate.TextDetector;
import io.setkeeper.appliance.analysis.perception.slate.TextRecognizer;
import io.setkeeper.appliance.analysis.perception.slate.TextRegions;
import java.util.ArrayList;
import java.util.List;

/**
 * All perception models opened once from an {@link InferenceEngine} (hash-checked, on the configured provider):
 * the entry point the analysis pipeline calls per sampled frame. Thread-safe; close it to free the sessions.
 */
public final class Perception implements AutoCloseable {
    /** Longest side of the text detector's input: analysis frames (480 px) are read at twice their size. */
    public static final int SLATE_SIDE = 960;

    private final List<ModelSession> sessions;
    private final FaceAnalyzer faces;
    private final ObjectDetector objects;
    private final PersonSegmenter segmenter;
    private final SlateReader slates;

    private Perception(List<ModelSession> sessions, FaceAnalyzer faces, ObjectDetector objects, PersonSegmenter segmenter,
                       SlateReader slates) {
        this.sessions = sessions;
        this.slates = slates;
        this.faces = faces;
        this.objects = objects;
        this.segmenter = segmenter;
    }

    /** Opens every model of {@link PerceptionModels} (must be registered in the engine's registry). */
    public static Perception open(InferenceEngine engine) {
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
            return new Perception(List.copyOf(opened), fa, new ObjectDetector(yolo), new PersonSegmenter(seg), slates);
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

    /** Faces, objects and the person mask of one frame. */
    public FramePerception perceive(Frame frame) {
        return new FramePerception(frame.ptsMicros(), faces(frame), objects(frame), personMask(frame));
    }

    @Override
    public void close() {
        sessions.forEach(ModelSession::close);
    }
}
