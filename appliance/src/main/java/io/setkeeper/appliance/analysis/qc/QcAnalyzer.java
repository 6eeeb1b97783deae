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
    /** {@link #accept(Frame, long)} takes colour statistics on every n-th frame. */
    public static final int COLOUR_EVERY = 4;

    private static final Motion.Shift NO_SHIFT = new Motion.Shift(0, 0, 0);

    private final double fps;
    private final List<FrameMetrics> metrics = new ArrayList<>();
    private final ColourStats colour = new ColourStats();
    private PixelWatch pixels;
    private Luma.Planes cur;
    private Luma.Planes prev;
    private Luma.Planes prev2;
    private final long[] levels = new long[4]; // Swar.levels' output, reused
    private final long[] lap = new long[2]; // the Laplacian's sums, reused
    private long seen;
    private int w;
    private int h;

    /** @param fps the clip's nominal frame rate (durations in the thresholds are converted with it) */
    public QcAnalyzer(double fps) {
        this.fps = fps > 0 ? fps : 25;
    }

    /**
     * Measures one BGR frame (frames must come in presentation order and share one size): computes its luma plane,
     * then measures as {@link #accept(byte[], int, int, long, Frame, long)} does, with colour statistics on every
     * {@link #COLOUR_EVERY}-th frame.
     */
    public FrameMetrics accept(Frame f, long index) {
        size(f.width(), f.height(), index);
        cur.fill(f);
        return measure(f.ptsMicros(), index % COLOUR_EVERY == 0 ? f : null, index);
    }

    /**
     * Measures one frame from its 8-bit luma plane ({@code width x height}, row-major, no padding; full-range levels
     * 0..255 as {@link Luma} computes them from BGR, which is what every level threshold assumes). The plane is
     * copied: the caller may reuse its array. Colour statistics are taken only when a colour frame is given (of any
     * size; the caller decides how often). Frames must come in presentation order and share one size.
     */
    public FrameMetrics accept(byte[] luma, int width, int height, long ptsMicros, Frame colourOrNull, long index) {
        size(width, height, index);
        cur.fill(luma);
        return measure(ptsMicros, colourOrNull, index);
    }

    private void size(int width, int height, long index) {
        if (pixels == null) {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
            }
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
    }

    /** Measures the frame in {@code cur.full()}; rotates the planes. */
    private FrameMetrics measure(long ptsMicros, Frame colourOrNull, long index) {
        cur.reduce();
        byte[] y = cur.full();
        Swar.levels(y, Thresholds.CLIP_LEVEL, Thresholds.CRUSH_LEVEL, Thresholds.BLACK_LIT_LEVEL, levels);
        double n = y.length;
        double diff = Double.NaN;
        Motion.Shift shift = NO_SHIFT;
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
        FrameMetrics m = new FrameMetrics(index, ptsMicros, levels[0] / n, 100.0 * levels[1] / n,
                100.0 * levels[2] / n, 100.0 * levels[3] / n, Luma.laplacianVariance(y, w, h, lap), diff,
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
