package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-frame QC of one clip: measures every frame as it is decoded ({@link #accept}), keeps only small per-frame
 * numbers plus the stuck-pixel and colour accumulators, and runs the clip detectors at the end ({@link #finish}).
 * One instance per clip, used from one thread.
 */
public final class QcAnalyzer {
    /** Colour statistics are taken on every n-th frame. */
    public static final int COLOUR_EVERY = 4;

    private final double fps;
    private final List<FrameMetrics> metrics = new ArrayList<>();
    private final ColourStats colour = new ColourStats();
    private PixelWatch pixels;
    private byte[] prev;
    private byte[] prevHalf;
    private byte[] prevQuarter;
    private int w;
    private int h;

    /** @param fps the clip's nominal frame rate (durations in the thresholds are converted with it) */
    public QcAnalyzer(double fps) {
        this.fps = fps > 0 ? fps : 25;
    }

    /** Measures one frame (frames must come in presentation order and share one size). */
    public FrameMetrics accept(Frame f, long index) {
        if (pixels == null) {
            w = f.width();
            h = f.height();
            pixels = new PixelWatch(w, h);
        } else if (f.width() != w || f.height() != h) {
            throw new IllegalArgumentException("frame " + index + " is " + f.width() + "x" + f.height()
                    + ", the clip's frames are " + w + "x" + h);
        }
        byte[] y = Luma.of(f);
        int[] hist = Luma.histogram(y);
        byte[] half = Luma.half(y, w, h);
        byte[] quarter = Luma.half(half, w / 2, h / 2);
        double diff = Double.NaN;
        Motion.Shift shift = new Motion.Shift(0, 0, 0);
        if (prev != null) {
            diff = Luma.meanAbsDiff(prev, y);
            shift = Motion.estimateFromPyramid(prevHalf, half, w / 2, h / 2, prevQuarter, quarter);
        }
        FrameMetrics m = new FrameMetrics(index, f.ptsMicros(), Luma.mean(hist),
                Luma.percent(hist, Thresholds.CLIP_LEVEL, 255), Luma.percent(hist, 0, Thresholds.CRUSH_LEVEL),
                Luma.percent(hist, Thresholds.BLACK_LIT_LEVEL + 1, 255), Luma.laplacianVariance(y, w, h), diff,
                shift.dx(), shift.dy(), shift.gain());
        metrics.add(m);
        pixels.add(y);
        if (index % COLOUR_EVERY == 0) {
            colour.add(f);
        }
        prev = y;
        prevHalf = half;
        prevQuarter = quarter;
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
