package io.setkeeper.appliance.analysis.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Detectors on generated frames: a locked-off textured scene with a moving square and sensor noise. */
class QcDetectorsTest {
    static final double FPS = 30;

    static List<Frame> scene(int n) {
        int w = 320;
        int h = 180;
        Random rnd = new Random(7);
        int[] bg = new int[w * h];
        for (int by = 0; by < h; by += 4) {
            for (int bx = 0; bx < w; bx += 4) {
                int v = 40 + rnd.nextInt(150);
                for (int y = by; y < by + 4; y++) {
                    for (int x = bx; x < bx + 4; x++) {
                        bg[y * w + x] = v;
                    }
                }
            }
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] p = new byte[w * h * 3];
            int sx = 10 + (i * 4) % (w - 80);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = bg[y * w + x] + rnd.nextInt(5) - 2;
                    if (x >= sx && x < sx + 60 && y >= 60 && y < 120) {
                        v = 230;
                    }
                    int k = (y * w + x) * 3;
                    p[k] = p[k + 1] = p[k + 2] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            frames.add(new Frame(w, h, p, Math.round(i * 1e6 / FPS)));
        }
        return frames;
    }

    static ClipQc qc(List<Frame> frames) {
        QcAnalyzer a = new QcAnalyzer(FPS);
        for (int i = 0; i < frames.size(); i++) {
            a.accept(frames.get(i), i);
        }
        return a.finish();
    }

    private static final List<Frame> CLEAN = scene(150);

    @Test
    void cleanSceneRaisesNothingAndIsLockedOff() {
        ClipQc q = qc(CLEAN);
        assertEquals(List.of(), q.findings());
        assertTrue(q.lockedOff());
        assertEquals(150, q.frames());
    }

    @Test
    void eachInjectedDefectIsFoundWithEvidence() {
        assertTrue(qc(Defects.blur(CLEAN)).has(Finding.Type.SOFT_FOCUS));
        assertTrue(qc(Defects.clipHighlights(CLEAN)).has(Finding.Type.CLIPPED_HIGHLIGHTS));
        assertTrue(qc(Defects.duplicate(CLEAN)).has(Finding.Type.DUPLICATE_FRAMES));
        assertTrue(qc(Defects.stuckPixel(CLEAN)).has(Finding.Type.STUCK_PIXEL));
        ClipQc dropped = qc(Defects.drop(CLEAN));
        Finding d = dropped.findings().stream().filter(f -> f.type() == Finding.Type.DROPPED_FRAMES).findFirst()
                .orElseThrow();
        assertEquals(2.0, d.numbers().get("missingFrames"));
        ClipQc bumped = qc(Defects.bump(CLEAN));
        Finding b = bumped.findings().stream().filter(f -> f.type() == Finding.Type.CAMERA_BUMP).findFirst().orElseThrow();
        assertEquals(90, b.startFrame());
        ClipQc flick = qc(Defects.flicker(CLEAN, FPS, 0.05));
        Finding f = flick.findings().stream().filter(x -> x.type() == Finding.Type.FLICKER).findFirst().orElseThrow();
        assertEquals(10.0, f.numbers().get("hz"), 0.3, "100 Hz light seen at 30 fps");
    }

    @Test
    void frozenAndBlackStretchesAreReported() {
        List<Frame> frozen = new ArrayList<>(CLEAN);
        List<Frame> black = new ArrayList<>(CLEAN);
        Frame first = CLEAN.get(40);
        for (int i = 40; i < 70; i++) {
            frozen.set(i, new Frame(first.width(), first.height(), first.bgr(), CLEAN.get(i).ptsMicros()));
            black.set(i, new Frame(first.width(), first.height(), new byte[first.bgr().length], CLEAN.get(i).ptsMicros()));
        }
        Finding fr = qc(frozen).findings().stream().filter(x -> x.type() == Finding.Type.FROZEN_FRAMES).findFirst()
                .orElseThrow();
        assertEquals(41, fr.startFrame());
        assertEquals(69, fr.endFrame());
        ClipQc bq = qc(black);
        assertTrue(bq.has(Finding.Type.BLACK_FRAMES));
        assertFalse(bq.has(Finding.Type.FROZEN_FRAMES), "a black stretch is not a frozen picture");
    }

    @Test
    void pureMeasuresBehave() {
        double[] sine = new double[240];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = 100 + 3 * Math.sin(2 * Math.PI * 4 * i / 24.0);
        }
        Flicker.Peak p = Flicker.peak(sine, 24);
        assertEquals(4.0, p.hz(), 0.11);
        assertEquals(3.0, p.amplitude(), 0.3);
        byte[] flat = new byte[64 * 64];
        java.util.Arrays.fill(flat, (byte) 90);
        assertEquals(0.0, Luma.laplacianVariance(flat, 64, 64));
        Frame f = CLEAN.get(10);
        byte[] y = Luma.of(f);
        byte[] moved = Luma.of(new Frame(f.width(), f.height(), Defects.shift(f, 8, -4), 0));
        Motion.Shift s = Motion.estimate(y, moved, f.width(), f.height());
        assertEquals(8.0, s.dx(), 2.0);
        assertEquals(-4.0, s.dy(), 2.0);
        double[] lab = new double[3];
        io.setkeeper.appliance.colour.Lab.fromLinear(1, 1, 1, lab);
        assertEquals(100.0, lab[0], 0.1);
        assertEquals(0.0, lab[1], 0.5);
    }
}
