package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faces, landmarks, pose, embeddings and tracks on the real footage. */
class FacePerceptionDataTest {
    @RegisterExtension
    static final PerceptionExtension PERCEPTION = new PerceptionExtension();
    private static final Map<String, FaceTrack> MAIN_TRACK = new LinkedHashMap<>();

    private static FaceTracker track(List<Frame> frames) {
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        for (Frame f : frames) {
            tracker.update(f.ptsMicros(), PERCEPTION.get().faces(f));
        }
        return tracker;
    }

    private static synchronized FaceTrack mainTrack(String clip) throws Exception {
        if (!MAIN_TRACK.containsKey(clip)) {
            List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/asl/" + clip), 5, 100);
            FaceTracker tracker = track(frames);
            FaceTrack main = tracker.tracks().stream().max(Comparator.comparingInt(t -> t.observations().size())).orElseThrow();
            long multi = tracker.tracks().size();
            System.out.printf("%-12s frames=%d tracks=%d main=%d obs, box=%s%n", clip, frames.size(), multi,
                    main.observations().size(), main.observations().getFirst().face().box());
            assertTrue(main.observations().size() >= 0.9 * frames.size(),
                    clip + ": the performer's face should be tracked through the take, got " + main.observations().size() + " of " + frames.size());
            int faceObservations = tracker.tracks().stream().mapToInt(t -> t.observations().size()).sum();
            assertTrue(faceObservations - main.observations().size() <= 0.15 * frames.size(),
                    clip + ": at most a stray extra face, got " + (faceObservations - main.observations().size()));
            MAIN_TRACK.put(clip, main);
        }
        return MAIN_TRACK.get(clip);
    }

    @Test
    void everyAslTakeHasOnePerformerTrackedThroughTheTakeWithLandmarksOnTheFace() throws Exception {
        for (String clip : Production.performerByClip().keySet()) {
            FaceTrack main = mainTrack(clip);
            for (FaceTrack.Observation o : main.observations()) {
                Box b = o.face().box();
                assertTrue(b.centerX() > 640 / 4f && b.centerX() < 640 * 3 / 4f, clip + ": performer stands in the middle, face at " + b);
                assertTrue(b.width() > 35 && b.width() < 120, clip + ": face width " + b.width());
                double[] five = FaceLandmarker.fivePoints(o.face().landmarks());
                // image-left eye left of the other, eyes above the nose tip above the mouth, all near the box
                double eyesY = (five[1] + five[3]) / 2, mouthY = (five[7] + five[9]) / 2;
                assertTrue(five[0] < five[2] && five[6] < five[8] && eyesY < five[5] && five[5] < mouthY,
                        clip + ": five points " + Arrays.toString(five));
                for (int i = 0; i < 5; i++) {
                    assertTrue(five[2 * i] > b.x1() - 0.1 * b.width() && five[2 * i] < b.x2() + 0.1 * b.width(), clip + ": x " + five[2 * i]);
                    assertTrue(five[2 * i + 1] > b.y1() && five[2 * i + 1] < b.y2() + 0.1 * b.height(), clip + ": y " + five[2 * i + 1]);
                }
            }
        }
    }

    @Test
    void embeddingsSeparateThePerformersAcrossTakes() throws Exception {
        Map<String, String> performer = Production.performerByClip();
        List<String> clips = new ArrayList<>(performer.keySet());
        double minSame = 1, maxDifferent = -1;
        String minSamePair = "", maxDifferentPair = "";
        for (int i = 0; i < clips.size(); i++) {
            for (int j = i + 1; j < clips.size(); j++) {
                String a = clips.get(i), b = clips.get(j);
                double cos = Face.cosine(mainTrack(a).meanEmbedding(), mainTrack(b).meanEmbedding());
                if (performer.get(a).equals(performer.get(b))) {
                    if (cos < minSame) {
                        minSame = cos;
                        minSamePair = a + "~" + b;
                    }
                } else if (cos > maxDifferent) {
                    maxDifferent = cos;
                    maxDifferentPair = a + "~" + b;
                }
            }
        }
        System.out.printf("embedding separation: min same performer %.3f (%s), max different performers %.3f (%s)%n",
                minSame, minSamePair, maxDifferent, maxDifferentPair);
        assertTrue(minSame > 0.7, "same performer across takes: " + minSame + " " + minSamePair);
        assertTrue(maxDifferent < 0.65, "different performers: " + maxDifferent + " " + maxDifferentPair);
        assertTrue(minSame - maxDifferent > 0.15, "a threshold must separate them: " + minSame + " vs " + maxDifferent);
    }

    @Test
    void performersSigningToCameraAreNearFrontal_andMirroringFlipsYaw() throws Exception {
        for (String clip : Production.performerByClip().keySet()) {
            double[] yaw = mainTrack(clip).observations().stream().mapToDouble(o -> o.face().pose().yaw()).sorted().toArray();
            double[] roll = mainTrack(clip).observations().stream().mapToDouble(o -> o.face().pose().roll()).sorted().toArray();
            double medYaw = yaw[yaw.length / 2], medRoll = roll[roll.length / 2];
            System.out.printf("%-12s median yaw %.1f roll %.1f%n", clip, medYaw, medRoll);
            assertTrue(Math.abs(medYaw) < 20, clip + ": median yaw " + medYaw);
            assertTrue(Math.abs(medRoll) < 15, clip + ": median roll " + medRoll);
        }
        // a mirror image has the opposite yaw and roll and the same pitch; fr_pose is noisy on faces of ~60 px
        // (single frames disagree by up to ~20 degrees), so compare medians over one frame of every take
        List<Double> yawSum = new ArrayList<>(), pitchDiff = new ArrayList<>(), rollSum = new ArrayList<>();
        for (String clip : Production.performerByClip().keySet()) {
            List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/asl/" + clip), 0, 31);
            Frame f = frames.getLast();
            HeadPose p = PERCEPTION.get().faces(f).getFirst().pose();
            HeadPose m = PERCEPTION.get().faces(mirror(f)).getFirst().pose();
            yawSum.add(Math.abs(p.yaw() + m.yaw()));
            pitchDiff.add(Math.abs(p.pitch() - m.pitch()));
            rollSum.add(Math.abs(p.roll() + m.roll()));
        }
        double y = median(yawSum), pi = median(pitchDiff), r = median(rollSum);
        System.out.printf("mirror consistency, median over takes: |yaw+yaw'| %.1f, |pitch-pitch'| %.1f, |roll+roll'| %.1f; worst yaw %.1f%n",
                y, pi, r, yawSum.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertTrue(y < 10 && pi < 10 && r < 10, "mirror consistency " + y + " " + pi + " " + r);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Frame mirror(Frame f) {
        byte[] out = new byte[f.bgr().length];
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                System.arraycopy(f.bgr(), (y * f.width() + x) * 3, out, (y * f.width() + f.width() - 1 - x) * 3, 3);
            }
        }
        return new Frame(f.width(), f.height(), out, f.ptsMicros());
    }

    @Test
    void talkingHeadsAreFoundAndAreThreeDifferentPeople_andTheNearBlackClipHasNoFace() throws Exception {
        List<String> clips = List.of("h264/Cisco_Men_whisper_640x320_CABAC_Bframe_9.264", "h264/Zhling_1280x720.264",
                "phone/sample_no_bframes.mp4");
        List<float[]> ids = new ArrayList<>();
        for (String clip : clips) {
            List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/" + clip), 5, 25);
            FaceTracker tracker = track(frames);
            FaceTrack main = tracker.tracks().stream().max(Comparator.comparingInt(t -> t.observations().size())).orElseThrow();
            System.out.printf("%s frames=%d tracks=%d main=%d%n", clip, frames.size(), tracker.tracks().size(), main.observations().size());
            assertTrue(main.observations().size() >= 0.5 * frames.size(), clip + ": face in " + main.observations().size() + " of " + frames.size());
            ids.add(main.meanEmbedding());
        }
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double cos = Face.cosine(ids.get(i), ids.get(j));
                System.out.printf("talking heads %d~%d cosine %.3f%n", i, j, cos);
                assertTrue(cos < 0.65, clips.get(i) + " vs " + clips.get(j) + ": " + cos);
            }
        }
        for (Frame f : FfmpegFrames.sample(TestData.file("footage/phone/pixel7_videoOnly_cleaned.mp4"), 5, 10)) {
            assertEquals(List.of(), PERCEPTION.get().faces(f));
        }
    }
}
