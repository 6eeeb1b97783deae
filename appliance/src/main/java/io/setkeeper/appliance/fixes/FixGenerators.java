package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.FaceTracker;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.fixes.reframe.CropPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The perception steps the fix generators share. */
public final class FixGenerators {
    private FixGenerators() {
    }

    /**
     * The tracked performer: faces found by perception on every {@code stride}-th frame, linked into tracks, the
     * main track as frame-indexed observations ({@code indices} are the frames' indices in the clip).
     */
    public static List<CropPath.Observation> subject(List<Frame> frames, List<Long> indices, Perception perception,
                                                     int stride) {
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        Map<Long, Long> frameOfPts = new HashMap<>();
        for (int i = 0; i < frames.size(); i += Math.max(1, stride)) {
            Frame f = frames.get(i);
            frameOfPts.put(f.ptsMicros(), indices.get(i));
            tracker.update(f.ptsMicros(), perception.faces(f));
        }
        return CropPath.mainSubject(tracker.tracks(), pts -> frameOfPts.getOrDefault(pts, 0L));
    }
}
