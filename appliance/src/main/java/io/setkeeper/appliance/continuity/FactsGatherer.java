package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FaceTrack;
import io.setkeeper.appliance.analysis.perception.FaceTracker;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import io.setkeeper.appliance.model.FeatureExtractor;
import io.setkeeper.appliance.colour.Lab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a clip's sampled frames and what perception saw in them into {@link ClipFacts}: the static background with
 * people masked out (DeepLab mask, person boxes, grown face boxes), face tracks with wardrobe colour and head yaw,
 * people at the frame edges, and COCO objects. A pure function of its inputs (no files are read or written).
 */
public final class FactsGatherer {
    /** A person box counts as at the edge when it comes this close (fraction of the width) to the left/right side. */
    public static final double EDGE = 0.02;
    /** Objects below this detector score are not counted. */
    public static final double MIN_SCORE = 0.45;
    private static final int STEP = 2;

    private FactsGatherer() {
    }

    /** The clip's slate and camera, as the stores hold them. */
    public record Slate(long clipId, String clip, String scene, String setup, String take, ClipFacts.Camera camera,
                        ClipFacts.SoundSlate sound) {
    }

    public static ClipFacts gather(Slate s, List<Frame> frames, List<FramePerception> seen) {
        if (frames.size() != seen.size()) {
            throw new IllegalArgumentException("frames and perception differ in length: " + frames.size() + " vs "
                    + seen.size());
        }
        double[] sum = new double[3 * Background.W * Background.H];
        int[] count = new int[Background.W * Background.H];
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        double[] lab = new double[3];
        int[] left = new int[1], right = new int[1];
        float[][] edgeBox = {new float[4], new float[4]};
        Map<String, float[]> things = new TreeMap<>(); // label -> frames seen, best score, box
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            FramePerception p = seen.get(i);
            tracker.update(f.ptsMicros(), p.faces());
            List<Box> people = new ArrayList<>();
            p.people().forEach(d -> people.add(d.box()));
            p.faces().forEach(face -> people.add(FeatureExtractor.grow(face.box(), 0.3f)));
            PersonMask mask = p.personMask();
            for (int y = 0; y < f.height(); y += STEP) {
                int cy = Math.min(Background.H - 1, y * Background.H / f.height());
                for (int x = 0; x < f.width(); x += STEP) {
                    if (FeatureExtractor.isPerson(x, y, f, people, mask)) {
                        continue;
                    }
                    int c = cy * Background.W + Math.min(Background.W - 1, x * Background.W / f.width());
                    Lab.fromRgb(f.at(x, y, 2), f.at(x, y, 1), f.at(x, y, 0), lab);
                    sum[3 * c] += lab[0];
                    sum[3 * c + 1] += lab[1];
                    sum[3 * c + 2] += lab[2];
                    count[c]++;
                }
            }
            boolean l = false, r = false;
            Box main = p.faces().stream().map(io.setkeeper.appliance.analysis.perception.Face::box)
                    .min(Comparator.comparingDouble(b -> Math.abs(b.centerX() - f.width() / 2.0))).orElse(null);
            for (Box b : people) {
                // the main subject (the face nearest the centre) is not an intruder, however close to the edge
                boolean isMain = main != null && b.x1() <= main.centerX() && main.centerX() <= b.x2()
                        && b.y1() <= main.centerY() && main.centerY() <= b.y2();
                if (isMain || b.height() < 0.1 * f.height()) {
                    continue;
                }
                if (!l && b.x1() <= EDGE * f.width()) {
                    l = true;
                    add(edgeBox[0], b, f);
                }
                if (!r && b.x2() >= (1 - EDGE) * f.width()) {
                    r = true;
                    add(edgeBox[1], b, f);
                }
            }
            left[0] += l ? 1 : 0;
            right[0] += r ? 1 : 0;
            Map<String, Detection> best = new TreeMap<>();
            for (Detection d : p.objects()) {
                if (!d.isPerson() && d.box().score() >= MIN_SCORE) {
                    best.merge(d.label(), d, (a, b) -> a.box().score() >= b.box().score() ? a : b);
                }
            }
            for (Detection d : best.values()) {
                float[] t = things.computeIfAbsent(d.label(), k -> new float[6]);
                t[0]++;
                if (d.box().score() > t[1]) {
                    t[1] = d.box().score();
                    t[2] = d.box().x1() / f.width();
                    t[3] = d.box().y1() / f.height();
                    t[4] = d.box().x2() / f.width();
                    t[5] = d.box().y2() / f.height();
                }
            }
        }
        int n = Math.max(1, frames.size());
        float[] bg = new float[3 * Background.W * Background.H];
        for (int c = 0; c < count.length; c++) {
            for (int k = 0; k < 3; k++) {
                bg[3 * c + k] = count[c] == 0 ? Float.NaN : (float) (sum[3 * c + k] / count[c]);
            }
        }
        List<ClipFacts.EdgePerson> edges = new ArrayList<>();
        if (left[0] > 0) {
            edges.add(new ClipFacts.EdgePerson(ClipFacts.EdgePerson.Side.LEFT, (double) left[0] / n, mean(edgeBox[0], left[0])));
        }
        if (right[0] > 0) {
            edges.add(new ClipFacts.EdgePerson(ClipFacts.EdgePerson.Side.RIGHT, (double) right[0] / n, mean(edgeBox[1], right[0])));
        }
        List<ClipFacts.Thing> thingList = new ArrayList<>();
        things.forEach((label, t) -> thingList.add(new ClipFacts.Thing(label, t[0] / n, t[1],
                new float[] {t[2], t[3], t[4], t[5]})));
        List<ClipFacts.Person> persons = tracker.tracks().stream()
                .sorted(Comparator.comparingInt((FaceTrack t) -> t.observations().size()).reversed())
                .map(t -> person(t, frames)).toList();
        return new ClipFacts(s.clipId(), s.clip(), s.scene(), s.setup(), s.take(), s.camera(), s.sound(),
                new Background(bg), persons, edges, thingList, null);
    }

    private static void add(float[] acc, Box b, Frame f) {
        acc[0] += b.x1() / f.width();
        acc[1] += b.y1() / f.height();
        acc[2] += b.x2() / f.width();
        acc[3] += b.y2() / f.height();
    }

    private static float[] mean(float[] acc, int n) {
        return new float[] {acc[0] / n, acc[1] / n, acc[2] / n, acc[3] / n};
    }

    private static ClipFacts.Person person(FaceTrack t, List<Frame> frames) {
        double cx = 0, yaw = 0;
        int yawN = 0;
        double[] w = new double[3];
        long wn = 0;
        float[] torso = new float[4];
        for (FaceTrack.Observation o : t.observations()) {
            Frame f = frames.stream().filter(fr -> fr.ptsMicros() == o.ptsMicros()).findFirst().orElse(null);
            if (f == null) {
                continue;
            }
            Box b = o.face().box();
            cx += b.centerX() / f.width();
            if (o.face().pose() != null && Double.isFinite(o.face().pose().yaw())) {
                yaw += o.face().pose().yaw();
                yawN++;
            }
            int[] r = FeatureExtractor.torso(f, b);
            torso[0] += (float) r[0] / f.width();
            torso[1] += (float) r[1] / f.height();
            torso[2] += (float) r[2] / f.width();
            torso[3] += (float) r[3] / f.height();
            wn += FeatureExtractor.addColour(f, r, w);
        }
        int n = Math.max(1, t.observations().size());
        float[] wardrobe = wn == 0 ? null : new float[] {(float) (w[0] / wn), (float) (w[1] / wn), (float) (w[2] / wn)};
        return new ClipFacts.Person(t.meanEmbedding(), wardrobe, cx / n, yawN == 0 ? Double.NaN : yaw / yawN,
                t.observations().size(), mean(torso, n));
    }

}
