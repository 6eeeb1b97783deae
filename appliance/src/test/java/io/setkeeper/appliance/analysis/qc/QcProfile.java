package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.media.FrameSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where per-frame QC time goes (a debugging tool, not a test): decodes up to 240 frames of a clip into memory at the
 * analysis size, then times each per-frame stage of {@link QcAnalyzer} separately over all frames (three rounds,
 * the last printed) and the whole analyzer, in milliseconds per frame and as a share of the whole. Stages are
 * measured in the same run, so the shares hold on a loaded machine even when absolute times move.
 * Run: {@code java @argfile io.setkeeper.appliance.analysis.qc.QcProfile clip.mp4}.
 */
public final class QcProfile {
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
        int w = frames.getFirst().width();
        int h = frames.getFirst().height();
        System.out.printf(Locale.ROOT, "%d frames of %dx%d%n", frames.size(), w, h);
        for (int round = 0; round < 3; round++) {
            long[] t = new long[8];
            String[] names = {"luma", "histogram", "pyramid", "laplacian", "diff", "motion", "pixel watch (every 2nd)",
                    "colour (every 4th)"};
            PixelWatch pw = new PixelWatch(w, h);
            ColourStats cs = new ColourStats();
            Luma.Planes prev = new Luma.Planes(w, h);
            Luma.Planes p = new Luma.Planes(w, h);
            double sink = 0;
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                long a = System.nanoTime();
                p.fill(f);
                long b = System.nanoTime();
                int[] hist = Luma.histogram(p.full());
                long c = System.nanoTime();
                p.reduce();
                long d = System.nanoTime();
                sink += Luma.laplacianVariance(p.full(), w, h);
                long e = System.nanoTime();
                if (i > 0) {
                    sink += Luma.meanAbsDiff(prev.full(), p.full());
                }
                long g = System.nanoTime();
                if (i > 0) {
                    sink += Motion.estimate(prev, p).gain();
                }
                long k = System.nanoTime();
                if (i % PixelWatch.EVERY == 0) {
                    pw.add(p.full());
                }
                long l = System.nanoTime();
                if (i % QcAnalyzer.COLOUR_EVERY == 0) {
                    cs.add(f);
                }
                long m = System.nanoTime();
                long[] at = {a, b, c, d, e, g, k, l, m};
                for (int s = 0; s < t.length; s++) {
                    t[s] += at[s + 1] - at[s];
                }
                sink += hist[128];
                Luma.Planes swap = prev;
                prev = p;
                p = swap;
            }
            long t0 = System.nanoTime();
            QcAnalyzer whole = new QcAnalyzer(24);
            for (int i = 0; i < frames.size(); i++) {
                whole.accept(frames.get(i), i);
            }
            long all = System.nanoTime() - t0;
            if (round == 2) {
                long sum = 0;
                for (long x : t) {
                    sum += x;
                }
                for (int s = 0; s < t.length; s++) {
                    System.out.printf(Locale.ROOT, "%-20s %7.3f ms/frame %5.1f %%%n", names[s],
                            t[s] / 1e6 / frames.size(), 100.0 * t[s] / sum);
                }
                System.out.printf(Locale.ROOT, "%-20s %7.3f ms/frame (QcAnalyzer.accept, all stages) [%s]%n", "whole",
                        all / 1e6 / frames.size(), sink > 0 ? "ok" : "?");
            }
        }
    }
}
