package io.setkeeper.appliance.analysis.qc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.media.FrameSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * QC on every clip of the shared footage: what fires on the clean clips (false alarms), and recall per defect type
 * when test code injects the defect into the same real frames. Prints the table the docs quote.
 */
class QcFootageDataTest {
    /** Frames kept per clip (memory); clips are analysed from their start. */
    static final int MAX_FRAMES = 240;
    /** Defects are injected only into clips this long (flicker needs 2 s of picture; runs need 0.5 s). */
    static final int MIN_INJECT_FRAMES = 60;

    record Decoded(Path file, FrameSource.Info info, List<Frame> frames) {
    }

    static Decoded decode(Path file) {
        List<Frame> frames = new ArrayList<>();
        FrameSource.Info[] info = new FrameSource.Info[1];
        FrameSource.decode(file, FrameSource.Options.defaults(), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info i) {
                info[0] = i;
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame frame = decoded.requireColour();
                frames.add(frame);
            }

            @Override
            public boolean wantsMore() {
                return frames.size() < MAX_FRAMES;
            }
        });
        return new Decoded(file, info[0], frames);
    }

    /** Every file under the footage folder, sorted. */
    static List<Path> footageFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A finding of this type other than a dropped frame seen in the content (ContentDropsDataTest measures those). */
    static boolean hasOutsideContent(ClipQc q, Finding.Type t) {
        return q.findings().stream().anyMatch(f -> f.type() == t && !fromContent(f));
    }

    static boolean fromContent(Finding f) {
        return f.type() == Finding.Type.DROPPED_FRAMES && f.numbers().getOrDefault("fromContent", 0.0) == 1.0;
    }

    static ClipQc qc(List<Frame> frames, double fps) {
        QcAnalyzer a = new QcAnalyzer(fps);
        for (int i = 0; i < frames.size(); i++) {
            a.accept(frames.get(i), i);
        }
        return a.finish();
    }

    @Test
    void injectedDefectsAreFoundAndCleanClipsStayQuiet() throws IOException {
        Path root = TestData.file("footage");
        List<Path> files = footageFiles(root);
        Map<Finding.Type, Function<Decoded, List<Frame>>> injectors = new LinkedHashMap<>();
        injectors.put(Finding.Type.SOFT_FOCUS, d -> Defects.blur(d.frames()));
        injectors.put(Finding.Type.CLIPPED_HIGHLIGHTS, d -> Defects.clipHighlights(d.frames()));
        injectors.put(Finding.Type.FLICKER, d -> Defects.flicker(d.frames(), d.info().frameRate().toDouble(), 0.05));
        injectors.put(Finding.Type.DROPPED_FRAMES, d -> Defects.drop(d.frames()));
        injectors.put(Finding.Type.DUPLICATE_FRAMES, d -> Defects.duplicate(d.frames()));
        injectors.put(Finding.Type.STUCK_PIXEL, d -> Defects.stuckPixel(d.frames()));
        injectors.put(Finding.Type.CAMERA_BUMP, d -> Defects.bump(d.frames()));
        Map<Finding.Type, int[]> recall = new EnumMap<>(Finding.Type.class); // {found, tried}
        Map<Finding.Type, List<String>> falseAlarms = new EnumMap<>(Finding.Type.class);
        int clean = 0;
        List<String> contentDrops = new ArrayList<>();
        Map<String, ClipQc> byName = new LinkedHashMap<>();
        System.out.printf("%-52s %6s %5s %7s %6s %5s %8s  %s%n", "clip", "frames", "fps", "sharpP75", "level", "lock",
                "transfer", "fires on the clean clip");
        for (Path file : files) {
            Decoded d = decode(file);
            String name = root.relativize(file).toString();
            if (d.info() == null || d.frames().size() < 2) {
                System.out.printf("%-52s %6d  (no video or a single frame: not used)%n", name, d.frames().size());
                continue;
            }
            double fps = d.info().frameRate().toDouble();
            ClipQc base = qc(d.frames(), fps);
            byName.put(name, base);
            clean++;
            List<String> fired = base.findings().stream().map(f -> f.type() + " " + f.message()).toList();
            base.findings().stream().filter(f -> !fromContent(f)).map(Finding::type).distinct()
                    .forEach(t -> falseAlarms.computeIfAbsent(t, k -> new ArrayList<>()).add(name));
            if (base.findings().stream().anyMatch(QcFootageDataTest::fromContent)) {
                contentDrops.add(name); // reported on their own row: ContentDropsDataTest measures them
            }
            System.out.printf("%-52s %6d %5.2f %7.1f %6.1f %5s %8s  %s%n", name, base.frames(), fps,
                    base.sharpnessP75(), base.meanLuma(), base.lockedOff(), d.info().transfer(),
                    fired.isEmpty() ? "-" : String.join("; ", fired));
            if (d.frames().size() < MIN_INJECT_FRAMES) {
                System.out.printf("    (shorter than %d frames: no defects injected)%n", MIN_INJECT_FRAMES);
                continue;
            }
            for (var e : injectors.entrySet()) {
                if (e.getKey() == Finding.Type.CAMERA_BUMP && !base.lockedOff()) {
                    continue; // a bump is only a defect on a locked-off shot
                }
                if (e.getKey() == Finding.Type.FLICKER && Defects.flickerHz(fps) < Thresholds.FLICKER_MIN_HZ) {
                    continue; // 100 and 120 Hz light both alias to a standstill at this frame rate: invisible
                }
                if (hasOutsideContent(base, e.getKey())) {
                    continue; // already present in the clean clip: the injection cannot be told apart
                }
                ClipQc hurt = qc(e.getValue().apply(d), fps);
                int[] r = recall.computeIfAbsent(e.getKey(), k -> new int[2]);
                r[1]++;
                if (hasOutsideContent(hurt, e.getKey())) {
                    r[0]++;
                } else {
                    System.out.printf("    missed %s on %s%n", e.getKey(), name);
                }
            }
        }
        System.out.printf("%n%-20s %8s %8s %14s%n", "defect", "found", "recall", "fires on clean clips");
        for (Finding.Type t : Finding.Type.values()) {
            int[] r = recall.getOrDefault(t, new int[2]);
            List<String> fa = falseAlarms.getOrDefault(t, List.of());
            System.out.printf("%-20s %4d/%-3d %8s %8d/%d %s%n", t, r[0], r[1],
                    r[1] == 0 ? "-" : String.format("%.2f", (double) r[0] / r[1]), fa.size(), clean,
                    fa.isEmpty() ? "" : fa);
        }
        System.out.printf("%-20s %8s %8s %8d/%d %s%n", "DROPPED (content)", "", "", contentDrops.size(), clean,
                contentDrops);
        ClipQc dark = byName.get("phone/pixel7_videoOnly_cleaned.mp4");
        assertTrue(dark != null && (dark.has(Finding.Type.UNDEREXPOSED) || dark.has(Finding.Type.BLACK_FRAMES)),
                "the nearly black pixel7 clip must be flagged dark");
        ClipQc vtest = byName.get("opencv/vtest.avi");
        assertTrue(vtest != null && vtest.lockedOff(), "vtest.avi is locked off");
        for (var e : recall.entrySet()) {
            int[] r = e.getValue();
            double floor = e.getKey() == Finding.Type.STUCK_PIXEL ? 0.5 : 0.85; // stuck pixels: see docs/analysis.md
            assertTrue(r[0] >= floor * r[1], e.getKey() + ": recall " + r[0] + "/" + r[1] + " below " + floor);
        }
        for (Finding.Type quiet : List.of(Finding.Type.SOFT_FOCUS, Finding.Type.FROZEN_FRAMES, Finding.Type.CAMERA_BUMP)) {
            assertTrue(!falseAlarms.containsKey(quiet), quiet + " fired on clean clips " + falseAlarms.get(quiet));
        }
        assertTrue(recall.size() == injectors.size(), "every defect type was tried: " + recall.keySet());
    }
}
