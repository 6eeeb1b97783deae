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
        List<Face> faces = new ArrayList<>();
        for (Box box : detector.detect(frame)) {
            if (box.width() < minFacePixels) {
                continue;
            }
            float[] lm = landmarker.landmarks(frame, box);
            HeadPose hp = pose.estimate(frame, box);
            float[] emb = embedder.embed(frame, FaceLandmarker.fivePoints(lm));
            faces.add(new Face(box, lm, hp, emb));
        }
        return faces;
    }
}
