package io.setkeeper.appliance.model;

import io.setkeeper.appliance.colour.Lab;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FaceTrack;
import io.setkeeper.appliance.analysis.perception.FaceTracker;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import io.setkeeper.appliance.analysis.qc.ClipQc;
import io.setkeeper.appliance.analysis.qc.QcAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the sampled frames of one clip and what perception saw in them into {@link ClipFeatures}: face tracks with
 * wardrobe colour, a background descriptor with people masked out (3x3 grid of mean CIELAB and edge strength),
 * framing (main face and largest person box), background colour statistics and picture measurements.
 * A pure function of its inputs.
 *
 * <p>The picture's sharpness and exposure are the clip's own QC numbers ({@link ClipQc#sharpnessMedian()},
 * {@link ClipQc#meanLuma()}: the decoder's luma plane, every frame), so that a setup's learned baseline and the clip
 * QC judges against it are one measure on one scale ({@code analysis.qc.BaselineJudge}). Only the noise is measured
 * here, on the sampled colour frames.
 */
public final class FeatureExtractor {
    /** 3x3 cells x (L, a, b, edge strength). */
    public static final int BACKGROUND_DIMS = 36;
    /** Main face centre x, y, width; largest person box centre x, width, height (fractions of the frame). */
    public static final int FRAMING_DIMS = 6;
    private static final int STEP = 4;
    /** The wardrobe uses only person-mask pixels when the mask covers at least this fraction of the torso box. */
    static final double MIN_TORSO_MASK = 0.25;

    private FeatureExtractor() {
    }

    /**
     * Features of a clip without its QC (tests, tools): sharpness and exposure are measured by the QC's own analyzer
     * on these frames (luma from their BGR), the same measure {@link #extract(String, String, String, List, List, ClipQc)}
     * takes from the clip's QC.
     */
    public static ClipFeatures extract(String clip, String scene, String setup, List<Frame> frames,
                                       List<FramePerception> seen) {
        return extract(clip, scene, setup, frames, seen, null);
    }

    private static ClipQc qcOf(List<Frame> frames) {
        if (frames.isEmpty()) {
            return null;
        }
        QcAnalyzer qc = new QcAnalyzer(0);
        for (int i = 0; i < frames.size(); i++) {
            qc.accept(frames.get(i), i);
        }
        return qc.finish();
    }

    /**
     * Features of one clip; {@code frames} and {@code seen} are parallel lists in time order, {@code qc} is the clip's
     * QC (every frame of it), whose sharpness and exposure become the picture's (null: measured on these frames).
     */
    public static ClipFeatures extract(String clip, String scene, String setup, List<Frame> frames,
                                       List<FramePerception> seen, ClipQc clipQc) {
        ClipQc qc = clipQc != null ? clipQc : qcOf(frames);
        if (frames.size() != seen.size()) {
            throw new IllegalArgumentException("frames and perception differ in length: " + frames.size() + " vs " + seen.size());
        }
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        double[] cell = new double[9 * 4];
        long[] cellN = new long[9];
        double[] labSum = new double[3];
        double[] labCross = new double[9];
        long labN = 0;
        double noise = 0;
        double[] framing = new double[FRAMING_DIMS];
        int framingN = 0;
        double[] lab = new double[3];
        FacelessPeople faceless = new FacelessPeople();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            FramePerception p = seen.get(i);
            tracker.update(f.ptsMicros(), p.faces());
            faceless.update(f, p);
            List<Box> people = new ArrayList<>();
            p.people().forEach(d -> people.add(d.box()));
            p.faces().forEach(face -> people.add(grow(face.box(), 0.3f)));
            PersonMask mask = p.personMask();
            for (int y = 1; y < f.height() - 1; y += STEP) {
                for (int x = 1; x < f.width() - 1; x += STEP) {
                    if (isPerson(x, y, f, people, mask)) {
                        continue;
                    }
                    Lab.fromRgb(f.at(x, y, 2), f.at(x, y, 1), f.at(x, y, 0), lab);
                    int c = Math.min(2, 3 * y / f.height()) * 3 + Math.min(2, 3 * x / f.width());
                    double gx = luma(f, x + 1, y) - luma(f, x - 1, y), gy = luma(f, x, y + 1) - luma(f, x, y - 1);
                    cell[c * 4] += lab[0];
                    cell[c * 4 + 1] += lab[1];
                    cell[c * 4 + 2] += lab[2];
                    cell[c * 4 + 3] += Math.sqrt(gx * gx + gy * gy) / 4;
                    cellN[c]++;
                    for (int a = 0; a < 3; a++) {
                        labSum[a] += lab[a];
                        for (int b = 0; b < 3; b++) {
                            labCross[a * 3 + b] += lab[a] * lab[b];
                        }
                    }
                    labN++;
                }
            }
            noise += Picture.noise(f);
            if (!p.faces().isEmpty()) {
                Box face = p.faces().stream().max(Comparator.comparingDouble(fc -> fc.box().area())).orElseThrow().box();
                Box person = p.people().stream().map(Detection::box).max(Comparator.comparingDouble(Box::area)).orElse(grow(face, 1.5f));
                double[] v = {face.centerX() / f.width(), face.centerY() / f.height(), face.width() / f.width(),
                        person.centerX() / f.width(), person.width() / f.width(), person.height() / f.height()};
                for (int k = 0; k < FRAMING_DIMS; k++) {
                    framing[k] += v[k];
                }
                framingN++;
            }
        }
        int n = Math.max(1, frames.size());
        float[] background = background(cell, cellN, labSum, labN);
        double[] mean = new double[3];
        double[] cov = new double[9];
        if (labN > 0) {
            for (int a = 0; a < 3; a++) {
                mean[a] = labSum[a] / labN;
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    cov[a * 3 + b] = labCross[a * 3 + b] / labN - mean[a] * mean[b];
                }
            }
        }
        float[] fr = null;
        if (framingN > 0) {
            fr = new float[FRAMING_DIMS];
            for (int k = 0; k < FRAMING_DIMS; k++) {
                fr[k] = (float) (framing[k] / framingN);
            }
        }
        List<ClipFeatures.Person> persons = new ArrayList<>(tracker.tracks().stream()
                .sorted(Comparator.comparingInt((FaceTrack t) -> t.observations().size()).reversed())
                .map(t -> person(t, frames, seen)).toList());
        persons.addAll(faceless.people());
        return new ClipFeatures(clip, scene, setup, persons, background, fr,
                new ClipFeatures.Look(mean, cov, labN), new ClipFeatures.Picture(qc == null ? 0 : qc.sharpnessMedian(), qc == null ? 0 : qc.meanLuma(), noise / n),
                frames.size());
    }

    private static float[] background(double[] cell, long[] cellN, double[] labSum, long labN) {
        float[] out = new float[BACKGROUND_DIMS];
        for (int c = 0; c < 9; c++) {
            for (int k = 0; k < 4; k++) {
                double v = cellN[c] > 0 ? cell[c * 4 + k] / cellN[c] : (k < 3 && labN > 0 ? labSum[k] / labN : 0);
                out[c * 4 + k] = (float) v;
            }
        }
        return out;
    }

    private static ClipFeatures.Person person(FaceTrack t, List<Frame> frames, List<FramePerception> seen) {
        double cx = 0, cy = 0, w = 0;
        double[] wardrobe = new double[3];
        long wn = 0;
        for (FaceTrack.Observation o : t.observations()) {
            int at = -1;
            for (int i = 0; i < frames.size() && at < 0; i++) {
                at = frames.get(i).ptsMicros() == o.ptsMicros() ? i : -1;
            }
            Box b = o.face().box();
            if (at < 0) {
                continue;
            }
            Frame f = frames.get(at);
            PersonMask mask = seen.get(at).personMask();
            cx += b.centerX() / f.width();
            cy += b.centerY() / f.height();
            w += b.width() / f.width();
            int[] r = torso(f, b);
            // only the person's own pixels when the segmentation covers enough of the torso (not the wall behind)
            boolean masked = mask != null && torsoCoverage(mask, f, r) >= MIN_TORSO_MASK;
            wn += addColour(f, r, wardrobe, masked ? mask : null);
        }
        int n = Math.max(1, t.observations().size());
        float[] wr = wn == 0 ? null : new float[] {(float) (wardrobe[0] / wn), (float) (wardrobe[1] / wn), (float) (wardrobe[2] / wn)};
        return new ClipFeatures.Person(t.meanEmbedding(), wr, (float) (cx / n), (float) (cy / n), (float) (w / n),
                t.observations().size());
    }

    /** The torso below a face: below the chin, about as wide as the shoulders; {x1, y1, x2, y2} in pixels. */
    public static int[] torso(Frame f, Box b) {
        return new int[] {(int) Math.max(0, b.x1() - 0.25 * b.width()), (int) Math.min(f.height() - 1, b.y2() + 0.3 * b.height()),
                (int) Math.min(f.width() - 1, b.x2() + 0.25 * b.width()), (int) Math.min(f.height() - 1, b.y2() + 1.8 * b.height())};
    }

    /** Adds the CIELAB of every second pixel of a region to {@code sum}; returns how many were added. */
    public static long addColour(Frame f, int[] r, double[] sum) {
        return addColour(f, r, sum, null);
    }

    /** As {@link #addColour(Frame, int[], double[])}, counting only the mask's person pixels when a mask is given. */
    private static long addColour(Frame f, int[] r, double[] sum, PersonMask only) {
        double[] lab = new double[3];
        long n = 0;
        for (int y = r[1]; y < r[3]; y += 2) {
            for (int x = r[0]; x < r[2]; x += 2) {
                if (only != null && !only.personAt(x, y, f.width(), f.height())) {
                    continue;
                }
                Lab.fromRgb(f.at(x, y, 2), f.at(x, y, 1), f.at(x, y, 0), lab);
                sum[0] += lab[0];
                sum[1] += lab[1];
                sum[2] += lab[2];
                n++;
            }
        }
        return n;
    }

    private static double torsoCoverage(PersonMask mask, Frame f, int[] r) {
        long in = 0, all = 0;
        for (int y = r[1]; y < r[3]; y += 2) {
            for (int x = r[0]; x < r[2]; x += 2) {
                in += mask.personAt(x, y, f.width(), f.height()) ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) in / all;
    }

    /** Whether (x, y) is covered by the person mask or one of the boxes. */
    public static boolean isPerson(int x, int y, Frame f, List<Box> people, PersonMask mask) {
        if (mask != null && mask.personAt(x, y, f.width(), f.height())) {
            return true;
        }
        for (Box b : people) {
            if (x >= b.x1() && x <= b.x2() && y >= b.y1() && y <= b.y2()) {
                return true;
            }
        }
        return false;
    }

    /** A face box grown by {@code by} of its size each side and four times that downwards (hair, shoulders, body). */
    public static Box grow(Box b, float by) {
        float dw = b.width() * by, dh = b.height() * by;
        return new Box(b.x1() - dw, b.y1() - dh, b.x2() + dw, b.y2() + dh * 4, b.score());
    }

    static double luma(Frame f, int x, int y) {
        return 0.114 * f.at(x, y, 0) + 0.587 * f.at(x, y, 1) + 0.299 * f.at(x, y, 2);
    }
}
