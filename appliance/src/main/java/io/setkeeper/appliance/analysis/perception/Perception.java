package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelSession;
import java.util.ArrayList;
import java.util.List;

/**
 * All perception models opened once from an {@link InferenceEngine} (hash-checked, on the configured provider):
 * the entry point the analysis pipeline calls per sampled frame. Thread-safe; close it to free the sessions.
 */
public final class Perception implements AutoCloseable {
    private final List<ModelSession> sessions;
    private final FaceAnalyzer faces;
    private final ObjectDetector objects;
    private final PersonSegmenter segmenter;

    private Perception(List<ModelSession> sessions, FaceAnalyzer faces, ObjectDetector objects, PersonSegmenter segmenter) {
        this.sessions = sessions;
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
            return new Perception(List.copyOf(opened), fa, new ObjectDetector(yolo), new PersonSegmenter(seg));
        } catch (RuntimeException e) {
            opened.forEach(ModelSession::close);
            throw e;
        }
    }

    private static ModelSession track(List<ModelSession> opened, ModelSession s) {
        opened.add(s);
        return s;
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
