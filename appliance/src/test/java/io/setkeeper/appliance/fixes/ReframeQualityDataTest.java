package io.setkeeper.appliance.fixes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.FaceDetector;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.fixes.reframe.Aspect;
import io.setkeeper.appliance.fixes.reframe.CropPath;
import io.setkeeper.appliance.inference.ModelSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Reframe quality on every asl take: the crop path is planned from the tracked performer's face seen by the
 * product's perception on every third frame (as {@link FixGenerators} does at 10 per second), then checked on EVERY
 * frame against the face detector's box of that performer (frames between the sampled ones are held out): the
 * fraction of frames whose face lies fully inside the crop, for 9:16 and for a 2.39 extraction.
 */
class ReframeQualityDataTest {
    @Test
    void thePerformersFaceStaysInsideTheVerticalCrop() throws Exception {
        StringBuilder table = new StringBuilder("""
                | take | frames | faces checked | 9:16 inside | 2.39 inside | 9:16 largest move px/frame | mean | verdict |
                |---|---|---|---|---|---|---|---|
                """);
        int checked = 0, inside916 = 0, inside239 = 0;
        double worst = 1;
        try (Perception perception = Footage.perception(); ModelSession session = Footage.faceDetectorSession()) {
            FaceDetector detector = Footage.detector(session);
            for (Path take : Footage.files("footage/asl")) {
                ClipFrames.Decoded d = ClipFrames.select(take, 480, i -> true, Long.MAX_VALUE);
                List<Frame> frames = d.frames();
                double fps = d.info().frameRate().toDouble();
                List<CropPath.Observation> subject = FixGenerators.subject(frames, d.indices(), perception, 3);
                Frame first = frames.getFirst();
                CropPath.Plan vertical = CropPath.plan(first.width(), first.height(), frames.size(), fps,
                        Aspect.parse("9:16"), subject, CropPath.Settings.defaults());
                CropPath.Plan wide = CropPath.plan(first.width(), first.height(), frames.size(), fps,
                        Aspect.parse("2.39"), subject, CropPath.Settings.defaults());
                int n = 0, in916 = 0, in239 = 0;
                for (int t = 0; t < frames.size(); t++) {
                    Box face = performer(detector.detect(frames.get(t)), subject, t);
                    if (face == null) {
                        continue;
                    }
                    n++;
                    in916 += vertical.crops().get(t).contains(face, 1f) ? 1 : 0;
                    in239 += wide.crops().get(t).contains(face, 1f) ? 1 : 0;
                }
                checked += n;
                inside916 += in916;
                inside239 += in239;
                double f = n == 0 ? 0 : (double) in916 / n;
                worst = Math.min(worst, f);
                table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.1f | %.2f | %s |%n",
                        take.getFileName(), frames.size(), n, f, n == 0 ? 0 : (double) in239 / n,
                        vertical.largestStep(), vertical.meanStep(), vertical.verdict().kind()));
            }
        }
        table.append(String.format(Locale.ROOT, "%nall takes: %d faces checked, inside 9:16 %.3f (worst take %.3f), "
                + "inside 2.39 %.3f%n", checked, (double) inside916 / checked, worst, (double) inside239 / checked));
        System.out.println("Reframe quality\n" + table);
        assertTrue(checked > 300, "faces checked: " + checked);
        // measured 1.000 on 2026-12-06 (the asl performers keep their heads nearly still); the floor lets a
        // regression show without pinning the measurement
        assertTrue((double) inside916 / checked >= 0.95, table.toString());
    }

    /** The detected box that is the tracked performer: the best overlap with the subject's nearest observation. */
    static Box performer(List<Box> detected, List<CropPath.Observation> subject, long frame) {
        CropPath.Observation near = null;
        for (CropPath.Observation o : subject) {
            if (near == null || Math.abs(o.frame() - frame) < Math.abs(near.frame() - frame)) {
                near = o;
            }
        }
        if (near == null) {
            return null;
        }
        Box best = null;
        double bestIou = 0.1;
        for (Box b : detected) {
            double iou = b.iou(near.face());
            if (iou > bestIou) {
                best = b;
                bestIou = iou;
            }
        }
        return best;
    }
}
