package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.SlateThumb;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.TestPerception;
import io.setkeeper.appliance.media.FrameWriter;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures what a slate-search skip or gate would decide, as distributions (TSV on stdout): for every slate
 * candidate of every footage clip (no slate) its read, CPU, block differences to every earlier candidate and the
 * text detector's highest probability at lower sides; the same for the SlateDetailDataTest boards (written as
 * clips, candidates decoded as ClipAnalysis does) and the SlateReadingDataTest slates, with the highest probability
 * on the board itself. Run: java @args ...SlateGateProbe [footage|boards|reading]...
 */
public final class SlateGateProbe {
    static final int[] GRIDS = {16, 32, 64};
    static final int[] SIDES = {320, 480, 640};
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        List<String> what = args.length == 0 ? List.of("footage", "boards", "reading") : List.of(args);
        PrintStream out = System.out;
        try (Perception p = TestPerception.open()) {
            SlateReader r = p.slates();
            List<TextDetector> gates = new ArrayList<>();
            for (int s : SIDES) {
                gates.add(r.detector().atSide(s));
            }
            if (what.contains("footage")) {
                List<Path> clips;
                try (Stream<Path> s = Files.walk(TestData.file("footage"))) {
                    clips = s.filter(Files::isRegularFile).sorted().toList();
                }
                boolean warm = false;
                for (Path clip : clips) {
                    List<Frame> cands;
                    try {
                        cands = SlateCostBench.candidates(clip);
                    } catch (RuntimeException e) {
                        out.println("# " + clip + " " + e);
                        continue;
                    }
                    if (cands.isEmpty()) {
                        continue;
                    }
                    if (!warm) {
                        r.read(cands.getFirst());
                        warm = true;
                    }
                    String name = TestData.file("footage").relativize(clip).toString();
                    List<List<SlateThumb>> thumbs = new ArrayList<>();
                    for (int i = 0; i < cands.size(); i++) {
                        Frame f = cands.get(i);
                        long t0 = OS.getProcessCpuTime();
                        SlateText t = r.read(f);
                        long cpu = OS.getProcessCpuTime() - t0;
                        StringBuilder line = new StringBuilder(String.format("F\t%s\t%d\t%dx%d\t%d\t%.1f", name, i,
                                f.width(), f.height(), t.fields(), cpu / 1e6));
                        gateStats(gates, f, null, line);
                        out.println(line);
                        List<SlateThumb> th = new ArrayList<>();
                        for (int g : GRIDS) {
                            th.add(SlateThumb.of(f, g));
                        }
                        for (int j = 0; j < i; j++) {
                            StringBuilder d = new StringBuilder(String.format("D\t%s\t%d\t%d", name, i, j));
                            for (int g = 0; g < GRIDS.length; g++) {
                                d.append(String.format("\t%.2f\t%.2f", th.get(g).meanDiff(thumbs.get(j).get(g)),
                                        th.get(g).maxDiff(thumbs.get(j).get(g))));
                            }
                            out.println(d);
                        }
                        thumbs.add(th);
                        if (t.fields() > 0) {
                            out.println("# read " + name + " " + i + " " + t);
                        }
                    }
                }
            }
            if (what.contains("changed")) {
                changedArea(out);
            }
            if (what.contains("boards")) {
                Path dir = Files.createTempDirectory("slategate");
                int n = 0;
                java.util.Map<String, Frame> bgs = new java.util.HashMap<>();
                for (SlateDetailDataTest.Board b : SlateDetailDataTest.boards()) {
                    Frame bg = bgs.computeIfAbsent(b.clip(), c -> SlateDetailDataTest.fullFrame(TestData.file(c), 0));
                    List<Frame> frames = b.drawn(bg);
                    Path file = dir.resolve("board" + n++ + ".mov");
                    FrameWriter.writeProres(file, frames, 2);
                    List<Frame> cands = SlateCostBench.candidates(file);
                    Files.delete(file);
                    SlateThumb[] first = null;
                    for (int i = 0; i < cands.size(); i++) {
                        Frame f = cands.get(i);
                        boolean[] mask = mask(f, b.layout(), b.size(), i == 0 ? b.angle() : b.angle() + 2,
                                i == 0 ? b.cx() : b.cx() + 0.01, i == 0 ? b.cy() : b.cy() - 0.01);
                        long t0 = OS.getProcessCpuTime();
                        SlateText t = r.read(f);
                        long cpu = OS.getProcessCpuTime() - t0;
                        StringBuilder line = new StringBuilder(String.format("B\t%s %s %.0f%% %+.0f\t%d\t%dx%d\t%d\t%.1f\t%b",
                                b.clip().replaceAll(".*/", ""), b.layout(), b.size() * 100, b.angle(), i, f.width(),
                                f.height(), t.fields(), cpu / 1e6, b.exact(t)));
                        gateStats(gates, f, mask, line);
                        SlateThumb[] th = new SlateThumb[GRIDS.length];
                        for (int g = 0; g < GRIDS.length; g++) {
                            th[g] = SlateThumb.of(f, GRIDS[g]);
                            if (first != null) {
                                line.append(String.format("\t%.2f\t%.2f", th[g].meanDiff(first[g]), th[g].maxDiff(first[g])));
                            }
                        }
                        if (first == null) {
                            first = th;
                        }
                        out.println(line);
                    }
                }
            }
            if (what.contains("reading")) {
                for (SlateReadingDataTest.Slate sl : SlateReadingDataTest.slates()) {
                    Frame slate = sl.drawn();
                    SlateText t = r.read(slate);
                    StringBuilder line = new StringBuilder(String.format("R\t%s %s %.0f%% %+.0f\t0\t%dx%d\t%d\t0\t%b",
                            sl.clip().replaceAll(".*/", ""), sl.layout(), sl.size() * 100, sl.angle(), slate.width(),
                            slate.height(), t.fields(), sl.exact(t)));
                    gateStats(gates, slate, mask(slate, sl.layout(), sl.size(), sl.angle(), sl.cx(), sl.cy()), line);
                    out.println(line);
                }
            }
        }
    }

    /**
     * For each footage candidate after the first: the smallest part of the frame (bounding box of the blocks at
     * least {@link SlateThumb#SAME} apart, grown by one block) that changed since an earlier candidate, as a
     * fraction of the frame: what a detection restricted to the changed part would still have to look at.
     */
    static void changedArea(PrintStream out) throws java.io.IOException {
        List<Path> clips;
        try (Stream<Path> s = Files.walk(TestData.file("footage"))) {
            clips = s.filter(Files::isRegularFile).sorted().toList();
        }
        double total = 0, needed = 0;
        for (Path clip : clips) {
            List<Frame> cands;
            try {
                cands = SlateCostBench.candidates(clip);
            } catch (RuntimeException e) {
                continue;
            }
            List<SlateThumb> th = cands.stream().map(f -> SlateThumb.of(f, SlateThumb.GRID)).toList();
            StringBuilder line = new StringBuilder(TestData.file("footage").relativize(clip).toString());
            for (int i = 0; i < th.size(); i++) {
                double best = 1;
                for (int j = 0; j < i; j++) {
                    SlateThumb a = th.get(i), b = th.get(j);
                    int x0 = a.cols(), y0 = a.rows(), x1 = -1, y1 = -1;
                    for (int y = 0; y < a.rows(); y++) {
                        for (int x = 0; x < a.cols(); x++) {
                            if (Math.abs(a.means()[y * a.cols() + x] - b.means()[y * a.cols() + x]) >= SlateThumb.SAME) {
                                x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
                            }
                        }
                    }
                    double f = x1 < 0 ? 0 : (double) (Math.min(a.cols() - 1, x1 + 1) - Math.max(0, x0 - 1) + 1)
                            * (Math.min(a.rows() - 1, y1 + 1) - Math.max(0, y0 - 1) + 1) / (a.cols() * a.rows());
                    best = Math.min(best, f);
                }
                line.append(String.format(" %.2f", best));
                total++;
                needed += best;
            }
            out.println("C " + line);
        }
        out.printf("C all: %d candidates, changed area %.1f frames (%.0f %%)%n", (int) total, needed, 100 * needed / total);
    }

    /** Where the board is: the pixels a board drawn on flat grey changes. */
    static boolean[] mask(Frame f, SlateRenderer.Layout layout, double size, double angle, double cx, double cy) {
        byte[] grey = new byte[f.bgr().length];
        java.util.Arrays.fill(grey, (byte) 100);
        Frame g = SlateRenderer.draw(new Frame(f.width(), f.height(), grey, 0), layout, "1A", "1", "A001", size, angle,
                cx, cy);
        boolean[] m = new boolean[f.width() * f.height()];
        for (int i = 0; i < m.length; i++) {
            m[i] = g.bgr()[i * 3] != 100 || g.bgr()[i * 3 + 1] != 100 || g.bgr()[i * 3 + 2] != 100;
        }
        return m;
    }

    /** Per gate side: CPU ms, highest probability on the frame, pixels >= 0.3, highest on the board (mask). */
    static void gateStats(List<TextDetector> gates, Frame f, boolean[] mask, StringBuilder line) {
        for (TextDetector d : gates) {
            long t0 = OS.getProcessCpuTime();
            TextDetector.ProbabilityMap m = d.map(f);
            long cpu = OS.getProcessCpuTime() - t0;
            float max = 0, onBoard = 0;
            int over = 0;
            for (int v = 0; v < m.height(); v++) {
                for (int u = 0; u < m.width(); u++) {
                    float p = m.data()[v * m.width() + u];
                    max = Math.max(max, p);
                    over += p >= 0.3f ? 1 : 0;
                    if (mask != null) {
                        int x = (int) Math.min(f.width() - 1, m.x0() + (u + 0.5) * m.sx());
                        int y = (int) Math.min(f.height() - 1, m.y0() + (v + 0.5) * m.sy());
                        if (mask[y * f.width() + x]) {
                            onBoard = Math.max(onBoard, p);
                        }
                    }
                }
            }
            line.append(String.format("\t%.1f\t%.3f\t%d\t%.3f", cpu / 1e6, max, over, onBoard));
        }
    }
}
