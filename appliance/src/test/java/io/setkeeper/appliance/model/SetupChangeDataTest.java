package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.Face;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SetupCheck on injected changes of real takes (2 frames per second, at most 8 per take, for every take alike):
 * every asl take in turn is held out, the model learns the other 11,
 * and the held-out take comes back as a new take of its own (correctly slated) setup three ways: as shot (a false
 * alarm if flagged), with the camera moved (zoomed in 15% about a point 4% right and 3% down of the centre) and
 * with the set dressing changed (a real picture patch, the van and building corner of vtest.avi, pasted into the
 * background corner farthest from the performer). Perception runs once on the original frames; for the moved camera
 * its boxes and masks move with the picture, for the pasted patch they stay (it is not a person).
 */
class SetupChangeDataTest {
    static final double ZOOM = 1.15, SHIFT_X = 0.04, SHIFT_Y = 0.03;

    record Variant(ClipFeatures asShot, ClipFeatures moved, ClipFeatures dressed) {
    }

    @Test
    void movedCameraAndChangedSetDressingAreNoticedOnEveryTake() throws Exception {
        List<AslTakes.Take> labelled = AslTakes.labelled();
        List<AslTakes.Take> takes = new ArrayList<>();
        Frame vtest = AslTakes.sample(TestData.file("footage/opencv/vtest.avi"), 1, 1).getFirst();
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), TestData.file("models"));
        List<Variant> variants = new ArrayList<>();
        try (Perception perception = Perception.open(new InferenceEngine(registry, InferenceConfig.cpu(2)))) {
            for (AslTakes.Take t : labelled) {
                List<Frame> frames = AslTakes.sample(TestData.file("footage/asl/" + t.clip()), 2, 8);
                List<FramePerception> seen = frames.stream().map(perception::perceive).toList();
                List<Frame> moved = new ArrayList<>(), dressed = new ArrayList<>();
                List<FramePerception> movedSeen = new ArrayList<>();
                ClipFeatures asShot = FeatureExtractor.extract(t.clip(), t.scene(), t.setup(), frames, seen);
                takes.add(new AslTakes.Take(t.clip(), t.scene(), t.setup(), t.performer(), asShot));
                float faceX = asShot.people().getFirst().centerX();
                for (int i = 0; i < frames.size(); i++) {
                    moved.add(zoom(frames.get(i)));
                    movedSeen.add(zoom(seen.get(i), frames.get(i).width(), frames.get(i).height()));
                    dressed.add(paste(frames.get(i), vtest, faceX < 0.5));
                }
                variants.add(new Variant(asShot,
                        FeatureExtractor.extract(t.clip(), t.scene(), t.setup(), moved, movedSeen),
                        FeatureExtractor.extract(t.clip(), t.scene(), t.setup(), dressed, seen)));
            }
        }
        int falseAlarms = 0, movedCaught = 0, dressedCaught = 0, n = takes.size();
        for (int i = 0; i < n; i++) {
            ProductionModel m = ProductionModelDataTest.learnAll(takes, takes.get(i));
            Variant v = variants.get(i);
            SetupPrediction asShot = m.predict(v.asShot()).setup();
            SetupPrediction moved = m.predict(v.moved()).setup();
            SetupPrediction dressed = m.predict(v.dressed()).setup();
            falseAlarms += asShot.flagged() ? 1 : 0;
            movedCaught += moved.flagged() ? 1 : 0;
            dressedCaught += dressed.flagged() ? 1 : 0;
            System.out.printf("%-12s %s: as shot %s | camera moved %s | set dressing changed %s%n", takes.get(i).clip(),
                    takes.get(i).setup(), describe(asShot), describe(moved), describe(dressed));
        }
        System.out.printf("setup changes over all %d takes (each held out in turn): camera moved noticed %d/%d, set dressing"
                + " changed noticed %d/%d; the same takes as shot falsely flagged %d/%d%n", n, movedCaught, n, dressedCaught, n,
                falseAlarms, n);
        assertTrue(movedCaught >= n / 2, "most moved cameras are noticed: " + movedCaught);
        assertTrue(dressedCaught >= n / 3, "a good part of the changed set dressings are noticed: " + dressedCaught);
        assertTrue(falseAlarms <= n / 4, "few takes as shot are flagged: " + falseAlarms);
    }

    static String describe(SetupPrediction p) {
        String top = p.ranking().isEmpty() ? "-" : p.ranking().getFirst().setup() + String.format("=%.1f", p.ranking().getFirst().distance());
        return (p.flagged() ? p.disagreement() + String.format(" (margin %.2f)", p.margin()) : "ok") + " nearest " + top;
    }

    /** Source coordinate of an output coordinate under the camera move. */
    static double src(double out, double size, double shift) {
        return (out - size / 2) / ZOOM + size / 2 + shift * size;
    }

    /** Output coordinate of a source coordinate. */
    static float dst(double src, double size, double shift) {
        return (float) ((src - size / 2 - shift * size) * ZOOM + size / 2);
    }

    static Frame zoom(Frame f) {
        int w = f.width(), h = f.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int sy = (int) Math.min(h - 1, Math.max(0, Math.round(src(y, h, SHIFT_Y))));
            for (int x = 0; x < w; x++) {
                int sx = (int) Math.min(w - 1, Math.max(0, Math.round(src(x, w, SHIFT_X))));
                System.arraycopy(f.bgr(), (sy * w + sx) * 3, out, (y * w + x) * 3, 3);
            }
        }
        return new Frame(w, h, out, f.ptsMicros());
    }

    static Box zoom(Box b, int w, int h) {
        return new Box(dst(b.x1(), w, SHIFT_X), dst(b.y1(), h, SHIFT_Y), dst(b.x2(), w, SHIFT_X), dst(b.y2(), h, SHIFT_Y),
                b.score()).clip(w, h);
    }

    static FramePerception zoom(FramePerception p, int w, int h) {
        List<Face> faces = p.faces().stream().map(f -> new Face(zoom(f.box(), w, h), f.landmarks(), f.pose(), f.embedding())).toList();
        List<Detection> objects = p.objects().stream().map(d -> new Detection(zoom(d.box(), w, h), d.classId(), d.label())).toList();
        PersonMask m = p.personMask();
        byte[] mask = new byte[m.mask().length];
        for (int y = 0; y < m.height(); y++) {
            int sy = (int) Math.min(m.height() - 1, Math.max(0, Math.round(src(y, m.height(), SHIFT_Y))));
            for (int x = 0; x < m.width(); x++) {
                int sx = (int) Math.min(m.width() - 1, Math.max(0, Math.round(src(x, m.width(), SHIFT_X))));
                mask[y * m.width() + x] = m.mask()[sy * m.width() + sx];
            }
        }
        return new FramePerception(p.ptsMicros(), faces, objects, new PersonMask(m.width(), m.height(), mask));
    }

    /** Pastes the top-right quarter-width patch of {@code object} into the top corner away from the performer. */
    static Frame paste(Frame f, Frame object, boolean performerLeft) {
        int w = f.width(), h = f.height();
        int pw = w / 4, ph = h / 4;
        int ox = object.width() - object.width() / 4 - 8, oy = 8;
        int x0 = performerLeft ? w - pw - 8 : 8, y0 = 8;
        byte[] out = f.bgr().clone();
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                int sx = Math.min(object.width() - 1, ox + x * object.width() / 4 / pw);
                int sy = Math.min(object.height() - 1, oy + y * object.height() / 4 / ph);
                System.arraycopy(object.bgr(), (sy * object.width() + sx) * 3, out, ((y0 + y) * w + x0 + x) * 3, 3);
            }
        }
        return new Frame(w, h, out, f.ptsMicros());
    }
}
