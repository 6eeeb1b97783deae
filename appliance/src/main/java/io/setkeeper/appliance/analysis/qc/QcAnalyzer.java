package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-frame QC of one clip: measures every frame as it is decoded ({@link #accept}), keeps only small per-frame
 * numbers plus the stuck-pixel and colour accumulators, and runs the clip detectors at the end ({@link #finish}).
 * The luma plane and its reductions are computed once per frame into three reused {@link Luma.Planes} (current and
 * the two before, rotated), shared by every measure: no per-frame plane allocation.
 * One instance per clip, used from one thread.
 */
public final class QcAnalyzer {
    /** Colour statistics are taken on every n-th frame. */
    public static final int COLOUR_EVERY = 4;

    private final double fps;
    private final List<FrameMetrics> metrics = new ArrayList<>();
    private final ColourStats colour = new ColourStats();
    private PixelWatch pixels;
    private Luma.Planes cur;
    private Luma.Planes prev;
    private Luma.Planes prev2;
    private long seen;
    private int w;
    private int h;

    /** @param fps the clip's nominal frame rate (durations in the thresholds are converted with it) */
    public QcAnalyzer(double fps) {
        this.fps = fps > 0 ? fps : 25;
    }

    /** Measures one frame from its BGR (luma by Rec. 601 weights; colour statistics on every {@link #COLOUR_EVERY}th). */
    public FrameMetrics accept(Frame f, long index) {
        return accept(Luma.of(f), f.width(), f.height(), f.ptsMicros(), index % COLOUR_EVERY == 0 ? f : null, index);
    }

    /**
     * Measures one frame from its luma plane (frames must come in presentation order and share one size); colour
     * statistics are taken when a colour frame is given.
     */
    public FrameMetrics accept(byte[] luma, int width, int height, long ptsMicros, Frame colourOrNull, long index) {
        if (pixels == null) {
            w = width;
            h = height;
            pixels = new PixelWatch(w, h);
            cur = new Luma.Planes(w, h);
            prev = new Luma.Planes(w, h);
            prev2 = new Luma.Planes(w, h);
        } else if (width != w || height != h) {
            throw new IllegalArgumentException("frame " + index + " is " + width + "x" + height
                    + ", the clip's frames are " + w + "x" + h);
        }
        cur.fill(luma);
        cur.reduce();
        byte[] y = cur.full();
        int[] hist = Luma.histogram(y);
        double diff = Double.NaN;
        Motion.Shift shift = new Motion.Shift(0, 0, 0);
        double step1 = Double.NaN;
        double step2 = Double.NaN;
        if (seen >= 1) {
            diff = Luma.meanAbsDiff(prev.full(), y);
            shift = Motion.estimate(prev, cur);
            step1 = Luma.meanAbsDiff(prev.half(), cur.half());
        }
        if (seen >= 2) {
            step2 = Luma.meanAbsDiff(prev2.half(), cur.half());
        }
        FrameMetrics m = new FrameMetrics(index, ptsMicros, Luma.mean(hist),
                Luma.percent(hist, Thresholds.CLIP_LEVEL, 255), Luma.percent(hist, 0, Thresholds.CRUSH_LEVEL),
                Luma.percent(hist, Thresholds.BLACK_LIT_LEVEL + 1, 255), Luma.laplacianVariance(y, w, h), diff,
                shift.dx(), shift.dy(), shift.gain(), step1, step2);
        metrics.add(m);
        if (index % PixelWatch.EVERY == 0) {
            pixels.add(y);
        }
        if (colourOrNull != null) {
            colour.add(colourOrNull);
        }
        Luma.Planes done = prev2;
        prev2 = prev;
        prev = cur;
        cur = done;
        seen++;
        return m;
    }

    public List<FrameMetrics> metrics() {
        return List.copyOf(metrics);
    }

    /** Runs every detector over what was measured. */
    public ClipQc finish() {
        List<PixelWatch.Suspect> suspects = pixels == null ? List.of() : pixels.suspects();
        return Detectors.run(metrics, fps, suspects, colour.summary(), w, h);
    }
}
