package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.media.FrameSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Where per-frame QC time goes (a debugging tool, not a test): decodes up to 240 frames of a clip into memory at the
 * analysis size, then times each per-frame stage over all frames, before (the plain per-pixel loops of
 * {@link QcReference}) and after (the word-at-a-time kernels), and the whole analyzer both ways, in CPU
 * milliseconds per frame of this thread. Each stage runs as its own loop over the frames and the fastest of five
 * rounds counts, so the numbers hold on a loaded machine.
 * Run: {@code java @argfile io.setkeeper.appliance.analysis.qc.QcProfile clip.mp4}.
 */
public final class QcProfile {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 5;

    private QcProfile() {
    }

    public static void main(String[] args) {
        List<Frame> frames = new ArrayList<>();
        FrameSource.decode(Path.of(args[0]), FrameSource.Options.defaults(), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info info) {
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame frame = decoded.requireColour();
                frames.add(frame);
            }

            @Override
            public boolean wantsMore() {
                return frames.size() < 240;
            }
        });
        int n = frames.size();
        int w = frames.getFirst().width();
        int h = frames.getFirst().height();
        List<Luma.Planes> planes = new ArrayList<>();
        List<byte[][]> refPlanes = new ArrayList<>();
        for (Frame f : frames) {
            Luma.Planes p = new Luma.Planes(w, h);
            p.fill(f);
            p.reduce();
            planes.add(p);
            refPlanes.add(new byte[][] {p.full(), p.half(), p.quarter(), p.eighth()});
        }
        System.out.printf(Locale.ROOT, "%d frames of %dx%d; CPU ms per frame, fastest of %d rounds%n", n, w, h, ROUNDS);
        System.out.printf(Locale.ROOT, "%-26s %8s %8s %7s%n", "stage", "before", "after", "ratio");
        long[] levels = new long[4];
        long[] lap = new long[2];
        Luma.Planes scratch = new Luma.Planes(w, h);
        double before = 0;
        double after = 0;
        String[] names = {"luma from BGR", "levels (histogram)", "pyramid", "laplacian", "diff", "motion",
                "step1 + step2 (half)", "pixel watch (every 2nd)", "colour (every 4th)"};
        List<IntToDoubleFunction> old = java.util.Arrays.asList(
                i -> {
                    scratch.fill(frames.get(i));
                    return scratch.full()[7];
                },
                i -> QcReference.mean(QcReference.histogram(planes.get(i).full())),
                i -> {
                    byte[] y2 = QcReference.half(planes.get(i).full(), w, h);
                    byte[] y4 = QcReference.half(y2, w / 2, h / 2);
                    return QcReference.half(y4, w / 4, h / 4)[3];
                },
                i -> QcReference.laplacianVariance(planes.get(i).full(), w, h),
                i -> i == 0 ? 0 : QcReference.meanAbsDiff(planes.get(i - 1).full(), planes.get(i).full()),
                i -> {
                    if (i == 0) {
                        return 0;
                    }
                    byte[][] p = refPlanes.get(i - 1);
                    byte[][] c = refPlanes.get(i);
                    return QcReference.motion(w, h, p[1], p[2], p[3], c[1], c[2], c[3])[2];
                },
                i -> (i < 1 ? 0 : QcReference.meanAbsDiff(planes.get(i - 1).half(), planes.get(i).half()))
                        + (i < 2 ? 0 : QcReference.meanAbsDiff(planes.get(i - 2).half(), planes.get(i).half())),
                null, // pixel watch: needs its accumulator, timed below
                null);
        List<IntToDoubleFunction> neu = java.util.Arrays.asList(
                i -> {
                    scratch.fill(frames.get(i));
                    return scratch.full()[7];
                },
                i -> {
                    Swar.levels(planes.get(i).full(), Thresholds.CLIP_LEVEL, Thresholds.CRUSH_LEVEL,
                            Thresholds.BLACK_LIT_LEVEL, levels);
                    return levels[0];
                },
                i -> {
                    scratch.fill(planes.get(i).full());
                    scratch.reduce();
                    return scratch.eighth()[3];
                },
                i -> Luma.laplacianVariance(planes.get(i).full(), w, h, lap),
                i -> i == 0 ? 0 : Luma.meanAbsDiff(planes.get(i - 1).full(), planes.get(i).full()),
                i -> i == 0 ? 0 : Motion.estimate(planes.get(i - 1), planes.get(i)).gain(),
                i -> (i < 1 ? 0 : Luma.meanAbsDiff(planes.get(i - 1).half(), planes.get(i).half()))
                        + (i < 2 ? 0 : Luma.meanAbsDiff(planes.get(i - 2).half(), planes.get(i).half())),
                null,
                null);
        double sink = 0;
        for (int s = 0; s < names.length; s++) {
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < 2; k++) {
                    long t0 = CPU.getCurrentThreadCpuTime();
                    if (s == 7) {
                        QcReference.Watch ref = new QcReference.Watch(w, h);
                        PixelWatch pw = new PixelWatch(w, h);
                        long t1 = CPU.getCurrentThreadCpuTime();
                        for (int i = 0; i < n; i += PixelWatch.EVERY) {
                            if (k == 0) {
                                ref.add(planes.get(i).full());
                            } else {
                                pw.add(planes.get(i).full());
                            }
                        }
                        t0 = t1;
                    } else if (s == 8) {
                        ColourStats cs = new ColourStats();
                        for (int i = 0; i < n; i += QcAnalyzer.COLOUR_EVERY) {
                            cs.add(frames.get(i)); // unchanged: the same code before and after
                        }
                        sink += cs.summary().meanL();
                    } else {
                        IntToDoubleFunction f = (k == 0 ? old : neu).get(s);
                        for (int i = 0; i < n; i++) {
                            sink += f.applyAsDouble(i);
                        }
                    }
                    best[k] = Math.min(best[k], (CPU.getCurrentThreadCpuTime() - t0) / 1e6 / n);
                }
            }
            before += best[0];
            after += best[1];
            System.out.printf(Locale.ROOT, "%-26s %8.3f %8.3f %6.1fx%n", names[s], best[0], best[1], best[0] / best[1]);
        }
        System.out.printf(Locale.ROOT, "%-26s %8.3f %8.3f %6.1fx%n", "sum of stages", before, after, before / after);
        double[] whole = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < 3; k++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                if (k == 0) {
                    QcReference.Analyzer ref = new QcReference.Analyzer(w, h);
                    ColourStats cs = new ColourStats();
                    for (int i = 0; i < n; i++) {
                        scratch.fill(frames.get(i));
                        sink += ref.accept(scratch.full(), frames.get(i).ptsMicros(), i).sharpness();
                        if (i % QcAnalyzer.COLOUR_EVERY == 0) {
                            cs.add(frames.get(i));
                        }
                    }
                } else if (k == 1) {
                    QcAnalyzer a = new QcAnalyzer(24);
                    for (int i = 0; i < n; i++) {
                        sink += a.accept(frames.get(i), i).sharpness();
                    }
                } else {
                    QcAnalyzer a = new QcAnalyzer(24);
                    for (int i = 0; i < n; i++) {
                        Frame f = frames.get(i);
                        sink += a.accept(planes.get(i).full(), w, h, f.ptsMicros(),
                                i % QcAnalyzer.COLOUR_EVERY == 0 ? f : null, i).sharpness();
                    }
                }
                whole[k] = Math.min(whole[k], (CPU.getCurrentThreadCpuTime() - t0) / 1e6 / n);
            }
        }
        System.out.printf(Locale.ROOT, "%-26s %8.3f %8s   (plain loops, BGR frames, colour every 4th)%n",
                "whole, before", whole[0], "");
        System.out.printf(Locale.ROOT, "%-26s %8s %8.3f   (QcAnalyzer.accept(Frame))%n", "whole, after (BGR)", "",
                whole[1]);
        System.out.printf(Locale.ROOT, "%-26s %8s %8.3f   (QcAnalyzer.accept(luma, ..., colour every 4th))%n",
                "whole, after (luma)", "", whole[2]);
        System.out.println(sink != 0 ? "" : "?");
    }
}
