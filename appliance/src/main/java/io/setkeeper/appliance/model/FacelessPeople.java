package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.Face;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import java.util.ArrayList;
import java.util.List;

/**
 * People the object detector sees but whose face was not found (turned away, at the edge, too small): person boxes
 * with no detected face inside, linked across sampled frames by overlap. They can never be named, so they are
 * reported as unknown people instead of disappearing.
 */
final class FacelessPeople {
    /** Boxes linked to a track need this overlap with its last box. */
    static final float MIN_IOU = 0.3f;
    /** A faceless person must be seen in at least this many sampled frames to count. */
    static final int MIN_OBSERVATIONS = 2;

    private static final class Track {
        Box last;
        double cx;
        double cy;
        double w;
        int n;
    }

    private final List<Track> tracks = new ArrayList<>();

    void update(Frame f, FramePerception p) {
        for (Detection d : p.people()) {
            Box b = d.box();
            if (p.faces().stream().map(Face::box).anyMatch(fb -> fb.centerX() >= b.x1() && fb.centerX() <= b.x2()
                    && fb.centerY() >= b.y1() && fb.centerY() <= b.y2())) {
                continue;
            }
            Track t = tracks.stream().filter(k -> k.last.iou(b) >= MIN_IOU).findFirst().orElse(null);
            if (t == null) {
                t = new Track();
                tracks.add(t);
            }
            t.last = b;
            t.cx += b.centerX() / f.width();
            t.cy += b.centerY() / f.height();
            t.w += b.width() / f.width();
            t.n++;
        }
    }

    List<ClipFeatures.Person> people() {
        return tracks.stream().filter(t -> t.n >= MIN_OBSERVATIONS)
                .map(t -> new ClipFeatures.Person(null, null, (float) (t.cx / t.n), (float) (t.cy / t.n),
                        (float) (t.w / t.n), t.n)).toList();
    }
}
