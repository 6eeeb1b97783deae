package io.setkeeper.appliance.fixes.reframe;

import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.FaceTrack;
import io.setkeeper.appliance.review.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * A reframe for another aspect ratio: a fixed-size crop per frame that follows the tracked subject's face without
 * jitter. Per axis the face position is interpolated between the observed frames, followed through a dead zone
 * (the crop moves only when the face leaves the central {@link Settings#deadZone} of the crop), smoothed by a
 * zero-phase low-pass (an exponential filter run forward and backward, time constant {@link Settings#seconds}),
 * kept inside the picture and finally shifted by the least amount that keeps the face box inside. Pure.
 */
public final class CropPath {
    /** One frame's crop in picture pixels. */
    public record Crop(long frame, int x, int y, int w, int h) {
        public boolean contains(Box b, float tolerance) {
            return b.x1() >= x - tolerance && b.x2() <= x + w + tolerance && b.y1() >= y - tolerance
                    && b.y2() <= y + h + tolerance;
        }
    }

    /** Where the subject's face was seen: frame index and box. */
    public record Observation(long frame, Box face) {
    }

    /**
     * Tuning.
     *
     * @param deadZone  fraction of the crop size the face may move in without moving the crop
     * @param seconds   low-pass time constant
     * @param faceLevel where the face centre sits vertically in the crop (0 top, 1 bottom)
     * @param tooBig    fraction of observed frames whose face cannot fit before the verdict is a reshoot
     */
    public record Settings(double deadZone, double seconds, double faceLevel, double tooBig) {
        public static Settings defaults() {
            return new Settings(0.10, 0.25, 0.40, 0.05);
        }
    }

    /** The path, its measures and the verdict. */
    public record Plan(Aspect aspect, int width, int height, List<Crop> crops, double faceInside, int faceTooBig,
                       double largestStep, double meanStep, Verdict verdict) {
    }

    private CropPath() {
    }

    /**
     * The subject to keep: of the face tracks, the one with the largest face area summed over its observations
     * (the performer the shot is about, not a head at the frame edge), as frame-indexed observations.
     */
    public static List<Observation> mainSubject(List<FaceTrack> tracks, LongUnaryOperator frameOfPts) {
        FaceTrack best = null;
        double bestArea = 0;
        for (FaceTrack t : tracks) {
            double area = t.observations().stream().mapToDouble(o -> o.face().box().area()).sum();
            if (area > bestArea) {
                best = t;
                bestArea = area;
            }
        }
        if (best == null) {
            return List.of();
        }
        return best.observations().stream().map(o -> new Observation(frameOfPts.applyAsLong(o.ptsMicros()),
                o.face().box())).toList();
    }

    /** Plans the crop for {@code frames} frames of a width x height picture at {@code fps}. */
    public static Plan plan(int width, int height, long frames, double fps, Aspect aspect,
                            List<Observation> subject, Settings s) {
        if (frames < 1 || width < 2 || height < 2 || !(fps > 0)) {
            throw new IllegalArgumentException("a reframe needs frames, a picture size and a frame rate");
        }
        int[] size = aspect.cropSize(width, height);
        int cw = size[0], ch = size[1];
        TreeMap<Long, Box> seen = new TreeMap<>();
        for (Observation o : subject) {
            if (o.frame() >= 0 && o.frame() < frames) {
                seen.put(o.frame(), o.face());
            }
        }
        Box[] face = new Box[(int) frames];
        for (int t = 0; t < frames; t++) {
            face[t] = seen.isEmpty() ? null : interpolate(seen, t);
        }
        double[] xs = axis(face, frames, width, cw, true, s, fps);
        double[] ys = axis(face, frames, height, ch, false, s, fps);
        List<Crop> crops = new ArrayList<>();
        int tooBig = 0;
        for (int t = 0; t < frames; t++) {
            double x = xs[t], y = ys[t];
            Box f = face[t];
            if (f != null && seen.containsKey((long) t) && (f.width() > cw || f.height() > ch)) {
                tooBig++;
            }
            if (f != null) {
                x = keepInside(x, f.x1(), f.x2(), cw, width);
                y = keepInside(y, f.y1(), f.y2(), ch, height);
            }
            crops.add(new Crop(t, (int) Math.round(x), (int) Math.round(y), cw, ch));
        }
        int inside = 0;
        for (var e : seen.entrySet()) {
            if (crops.get(e.getKey().intValue()).contains(e.getValue(), 1f)) {
                inside++;
            }
        }
        double largest = 0, sum = 0;
        for (int t = 1; t < crops.size(); t++) {
            double d = Math.hypot(crops.get(t).x() - crops.get(t - 1).x(), crops.get(t).y() - crops.get(t - 1).y());
            largest = Math.max(largest, d);
            sum += d;
        }
        double faceInside = seen.isEmpty() ? 0 : (double) inside / seen.size();
        double meanStep = crops.size() > 1 ? sum / (crops.size() - 1) : 0;
        return new Plan(aspect, width, height, List.copyOf(crops), faceInside, tooBig, largest, meanStep,
                verdict(aspect, cw, ch, seen.size(), tooBig, faceInside, largest, s));
    }

    private static Verdict verdict(Aspect aspect, int cw, int ch, int observed, int tooBig, double inside,
                                   double largest, Settings s) {
        if (observed == 0) {
            return new Verdict(Verdict.Kind.RESHOOT_ADVISED, "reshoot advised: no tracked face to keep in the "
                    + aspect.name() + " crop");
        }
        if (tooBig > s.tooBig() * observed) {
            return new Verdict(Verdict.Kind.RESHOOT_ADVISED, String.format(Locale.ROOT, "reshoot advised: the face "
                    + "does not fit the %s crop (%dx%d) in %d of %d observed frames", aspect.name(), cw, ch, tooBig,
                    observed));
        }
        return new Verdict(Verdict.Kind.FIXABLE_IN_POST, String.format(Locale.ROOT, "fixable in post: the face stays "
                + "inside the %s crop (%dx%d) in %.0f%% of %d observed frames; largest move %.1f px per frame",
                aspect.name(), cw, ch, 100 * inside, observed, largest));
    }

    private static Box interpolate(TreeMap<Long, Box> seen, long t) {
        var lo = seen.floorEntry(t);
        var hi = seen.ceilingEntry(t);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        float a = (float) (t - lo.getKey()) / (hi.getKey() - lo.getKey());
        Box p = lo.getValue(), q = hi.getValue();
        return new Box(p.x1() + a * (q.x1() - p.x1()), p.y1() + a * (q.y1() - p.y1()), p.x2() + a * (q.x2() - p.x2()),
                p.y2() + a * (q.y2() - p.y2()), Math.min(p.score(), q.score()));
    }

    /** The crop's left (or top) edge per frame on one axis. */
    private static double[] axis(Box[] face, long frames, int size, int crop, boolean horizontal, Settings s,
                                 double fps) {
        double[] pos = new double[(int) frames];
        double max = size - crop;
        if (max <= 0) {
            return pos;
        }
        double level = horizontal ? 0.5 : s.faceLevel();
        double dz = s.deadZone() * crop;
        Double cam = null;
        for (int t = 0; t < frames; t++) {
            Box f = face[t];
            double want = f == null ? (cam == null ? max / 2 : cam)
                    : (horizontal ? f.centerX() : f.centerY()) - level * crop;
            if (cam == null) {
                cam = want;
            } else if (want > cam + dz) {
                cam = want - dz;
            } else if (want < cam - dz) {
                cam = want + dz;
            }
            pos[t] = cam;
        }
        double alpha = 1 - Math.exp(-1 / (s.seconds() * fps));
        for (int t = 1; t < frames; t++) {
            pos[t] = pos[t - 1] + alpha * (pos[t] - pos[t - 1]);
        }
        for (int t = (int) frames - 2; t >= 0; t--) {
            pos[t] = pos[t + 1] + alpha * (pos[t] - pos[t + 1]);
        }
        for (int t = 0; t < frames; t++) {
            pos[t] = Math.max(0, Math.min(max, pos[t]));
        }
        return pos;
    }

    /** The least shift of a crop edge that keeps [lo, hi] inside the crop and the crop inside the picture. */
    private static double keepInside(double edge, double lo, double hi, int crop, int size) {
        if (hi - lo <= crop) {
            if (lo < edge) {
                edge = lo;
            } else if (hi > edge + crop) {
                edge = hi - crop;
            }
        }
        return Math.max(0, Math.min(size - crop, edge));
    }
}
