package io.setkeeper.appliance.analysis.qc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dropped frames from content on every footage clip: single frames are removed by test code at five places and the
 * timestamps re-stamped evenly (so only the picture can tell), then recall is counted over every removal and over
 * the removals that fall in steady motion (judged on the clean clip with {@link ContentDrops.Jump#steady()}); false
 * alarms are
 * content findings on the clean clips and away from the removal on the injected ones. Prints the numbers the
 * thresholds were set from (docs/analysis.md).
 */
class ContentDropsDataTest {
    static final double[] AT = {0.2, 0.35, 0.5, 0.65, 0.8};
    static final int MIN_FRAMES = 20;
    /**
     * Transcodes made at another frame rate than their 30 fps sources (asl/again.mkv to 23.976 fps, asl/book.mkv to
     * 25 fps): converting down drops one source frame in five or six, so content drops there are real, not false
     * alarms; they are reported apart.
     */
    static final List<String> RATE_CONVERTED = List.of("derived/A001C001_again_prores422proxy.mov",
            "derived/B001C002_book_dnxhr_lb.mxf");

    /** Frame {@code k} removed; every later frame takes the timestamp of the one before it (regular steps). */
    static List<Frame> dropOne(List<Frame> in, int k) {
        List<Frame> out = new ArrayList<>(in.size() - 1);
        for (int j = 0; j < in.size() - 1; j++) {
            Frame src = in.get(j < k ? j : j + 1);
            out.add(new Frame(src.width(), src.height(), src.bgr(), in.get(j).ptsMicros()));
        }
        return out;
    }

    static List<Finding> contentDrops(ClipQc qc) {
        return qc.findings().stream().filter(QcFootageDataTest::fromContent).toList();
    }

    @Test
    void singleDroppedFramesAreSeenInThePicture() throws IOException {
        Path root = TestData.file("footage");
        List<Path> files = QcFootageDataTest.footageFiles(root);
        int clean = 0;
        List<String> cleanAlarms = new ArrayList<>();
        List<String> converted = new ArrayList<>();
        int tried = 0;
        int found = 0;
        int steadyTried = 0;
        int steadyFound = 0;
        int injectedAlarms = 0;
        List<Double> cleanSteadyRatios = new ArrayList<>();
        List<Double> injectedSteadyRatios = new ArrayList<>();
        System.out.printf("%-52s %6s %9s %8s %8s  %s%n", "clip", "frames", "steady %", "max t", "found", "clean alarms");
        for (Path file : files) {
            QcFootageDataTest.Decoded d = QcFootageDataTest.decode(file);
            String name = root.relativize(file).toString();
            if (d.info() == null || d.frames().size() < 2) {
                continue;
            }
            double fps = d.info().frameRate().toDouble();
            Run cleanRun = run(d.frames(), fps);
            ClipQc base = cleanRun.qc();
            List<FrameMetrics> cm = cleanRun.metrics();
            List<Finding> alarms = contentDrops(base);
            if (RATE_CONVERTED.contains(name)) {
                alarms.forEach(f -> converted.add(name + "@" + f.endFrame()));
            } else {
                clean++;
            }
            alarms.stream().filter(f -> !RATE_CONVERTED.contains(name)).forEach(f -> cleanAlarms.add(name + "@" + f.endFrame() + " t=" + String.format("%.2f",
                    f.numbers().get("jumpT"))));
            List<ContentDrops.Jump> jumps = ContentDrops.jumps(cm);
            long steadyFrames = jumps.stream().filter(ContentDropsDataTest::steady).count();
            double maxSteady = jumps.stream().filter(ContentDropsDataTest::steady).mapToDouble(ContentDrops.Jump::t)
                    .max().orElse(Double.NaN);
            jumps.stream().filter(ContentDropsDataTest::steady).forEach(j -> cleanSteadyRatios.add(j.t()));
            StringBuilder hits = new StringBuilder();
            if (d.frames().size() >= MIN_FRAMES) {
                for (double at : AT) {
                    int k = (int) (d.frames().size() * at);
                    ContentDrops.Jump before = ContentDrops.jump(cm, k);
                    boolean isSteady = before != null && steady(before);
                    List<Frame> hurt = dropOne(d.frames(), k);
                    Run hurtRun = run(hurt, fps);
                    ClipQc q = hurtRun.qc();
                    List<Finding> drops = contentDrops(q);
                    boolean hit = drops.stream().anyMatch(f -> Math.abs(f.endFrame() - k) <= 1);
                    injectedAlarms += (int) drops.stream().filter(f -> Math.abs(f.endFrame() - k) > 1)
                            .filter(f -> alarms.stream().noneMatch(a -> Math.abs(a.endFrame() - f.endFrame()) <= 1))
                            .count();
                    tried++;
                    found += hit ? 1 : 0;
                    if (isSteady) {
                        steadyTried++;
                        steadyFound += hit ? 1 : 0;
                        ContentDrops.Jump after = ContentDrops.jump(hurtRun.metrics(), k);
                        if (after != null) {
                            injectedSteadyRatios.add(after.t());
                        }
                    }
                    hits.append(hit ? (isSteady ? "S" : "s") : (isSteady ? "-" : "."));
                }
            }
            System.out.printf("%-52s %6d %8.0f%% %8.2f %8s  %s%n", name, d.frames().size(),
                    jumps.isEmpty() ? 0 : 100.0 * steadyFrames / jumps.size(), maxSteady, hits,
                    alarms.isEmpty() ? "-" : alarms.stream().map(f -> "@" + f.endFrame()).toList());
        }
        cleanSteadyRatios.sort(Double::compare);
        injectedSteadyRatios.sort(Double::compare);
        System.out.printf("%nfound column: S/s found (in steady motion / not), -/. missed (steady / not)%n");
        System.out.printf("clean frames in steady motion: %d, jump t p50 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                cleanSteadyRatios.size(), q(cleanSteadyRatios, 0.5), q(cleanSteadyRatios, 0.99),
                q(cleanSteadyRatios, 0.999), q(cleanSteadyRatios, 1));
        System.out.printf("one frame removed in steady motion: %d, jump t min %.2f p10 %.2f p50 %.2f%n",
                injectedSteadyRatios.size(), q(injectedSteadyRatios, 0), q(injectedSteadyRatios, 0.1),
                q(injectedSteadyRatios, 0.5));
        System.out.printf("recall: %d/%d in steady motion, %d/%d over every removal; false alarms: %d/%d clean clips %s,"
                + " %d away from the removal on %d injected clips%n", steadyFound, steadyTried, found, tried,
                cleanAlarms.stream().map(s -> s.substring(0, s.indexOf('@'))).distinct().count(), clean, cleanAlarms,
                injectedAlarms, tried);
        System.out.printf("content drops on the frame-rate converted transcodes (real): %s%n", converted);
        assertTrue(steadyTried >= 20, "enough removals in steady motion to measure: " + steadyTried);
        assertTrue(steadyFound >= 0.7 * steadyTried, "recall in steady motion " + steadyFound + "/" + steadyTried);
        long alarmClips = cleanAlarms.stream().map(a -> a.substring(0, a.indexOf('@'))).distinct().count();
        assertTrue(alarmClips <= 5, "content drops on " + alarmClips + " clean clips: " + cleanAlarms);
        assertTrue(!converted.isEmpty(), "the frame-rate converted transcodes really lack frames: none found");
    }

    static boolean steady(ContentDrops.Jump j) {
        return j.steady();
    }

    record Run(List<FrameMetrics> metrics, ClipQc qc) {
    }

    static Run run(List<Frame> frames, double fps) {
        QcAnalyzer a = new QcAnalyzer(fps);
        for (int i = 0; i < frames.size(); i++) {
            a.accept(frames.get(i), i);
        }
        return new Run(a.metrics(), a.finish());
    }

    static double q(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.floor(p * (sorted.size() - 1)));
    }
}
