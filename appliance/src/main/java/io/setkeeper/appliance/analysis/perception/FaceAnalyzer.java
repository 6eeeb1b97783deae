package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about the faces in one frame: detection, then per face landmarks, head pose and an embedding
 * aligned from the landmarks' five points. Faces narrower than {@code minFacePixels} are dropped: landmarks,
 * pose and identity are unreliable below that size.
 */
public final class FaceAnalyzer {
    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final HeadPoseEstimator pose;
    private final FaceEmbedder embedder;
    private final float minFacePixels;

    public FaceAnalyzer(FaceDetector detector, FaceLandmarker landmarker, HeadPoseEstimator pose, FaceEmbedder embedder,
                        float minFacePixels) {
        this.detector = detector;
        this.landmarker = landmarker;
        this.pose = pose;
        this.embedder = embedder;
        this.minFacePixels = minFacePixels;
    }

    public List<Face> analyze(Frame frame) {
        List<Box> boxes = detect(frame);
        return analyze(frame, boxes, new float[boxes.size()][]);
    }

    /** The face boxes wide enough to analyse, highest score first. */
    List<Box> detect(Frame frame) {
        return detector.detect(frame).stream().filter(b -> b.width() >= minFacePixels).toList();
    }

    /**
     * Landmarks, pose and embedding of each box; {@code reused[i]}, when not null, is box i's embedding carried
     * from an earlier frame (the embedding model is not run for it).
     */
    List<Face> analyze(Frame frame, List<Box> boxes, float[][] reused) {
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            float[] lm = landmarker.landmarks(frame, box);
            HeadPose hp = pose.estimate(frame, box);
            float[] emb = reused[i] != null ? reused[i] : embedder.embed(frame, FaceLandmarker.fivePoints(lm));
            faces.add(new Face(box, lm, hp, emb));
        }
        return faces;
    }
}
