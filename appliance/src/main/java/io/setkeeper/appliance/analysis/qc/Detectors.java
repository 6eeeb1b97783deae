package io.setkeeper.appliance.analysis.qc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The per-clip QC detectors: pure functions from the per-frame numbers to findings with evidence. Every threshold
 * is a {@link Thresholds} constant.
 */
public final class Detectors {
    /** Flicker is searched in windows of this many seconds (half overlapping), so it is located in time. */
    public static final double FLICKER_WINDOW_SECONDS = 20;

    private Detectors() {
    }

    /** Runs every detector. */
    public static ClipQc run(List<FrameMetrics> m, double fps, List<PixelWatch.Suspect> suspects,
                             ColourStats.Summary colour, int w, int h) {
        List<Finding> out = new ArrayList<>();
        double[] sharp = m.stream().filter(f -> !black(f)).mapToDouble(FrameMetrics::sharpness).sorted().toArray();
        double p75 = percentile(sharp, 0.75);
        double[] means = m.stream().mapToDouble(FrameMetrics::meanLuma).sorted().toArray();
        double medianLevel = percentile(means, 0.5);
        long steps = m.stream().filter(f -> !Double.isNaN(f.diff())).count();
        long still = m.stream().filter(f -> !Double.isNaN(f.diff()) && f.shift() < 1).count();
        double lockedFraction = steps == 0 ? 0 : (double) still / steps;
        boolean locked = steps >= fps && lockedFraction >= Thresholds.LOCKED_OFF_FRACTION;

        int minExposure = frames(Thresholds.EXPOSURE_MIN_SECONDS, fps);
        runs(m, i -> m.get(i).clipped() > Thresholds.CLIPPED_PERCENT, minExposure, 2).forEach(r -> out.add(finding(
                Finding.Type.CLIPPED_HIGHLIGHTS, Finding.Severity.WARNING, m, r, "clipped",
                FrameMetrics::clipped, "%.1f%% of the picture clipped at most", Map.of())));
        runs(m, i -> m.get(i).crushed() > Thresholds.CRUSHED_PERCENT && !black(m.get(i)), minExposure, 2)
                .forEach(r -> out.add(finding(Finding.Type.CRUSHED_BLACKS, Finding.Severity.WARNING, m, r, "crushed",
                        FrameMetrics::crushed, "%.1f%% of the picture crushed to black at most", Map.of())));
        if (!m.isEmpty() && medianLevel < Thresholds.UNDEREXPOSED_MEAN) {
            out.add(finding(Finding.Type.UNDEREXPOSED, Finding.Severity.WARNING, m, new int[] {0, m.size() - 1},
                    "meanLuma", FrameMetrics::meanLuma, "clip is dark: mean level %.1f at most",
                    Map.of("medianLevel", medianLevel)));
        }
        runs(m, i -> black(m.get(i)), 1, 0).forEach(r -> out.add(finding(Finding.Type.BLACK_FRAMES,
                Finding.Severity.INFO, m, r, "meanLuma", FrameMetrics::meanLuma, "black frames, mean level %.1f at most",
                Map.of())));
        if (p75 >= Thresholds.SOFT_MIN_BASELINE) {
            double limit = Thresholds.SOFT_RATIO * p75;
            runs(m, i -> !black(m.get(i)) && m.get(i).sharpness() < limit, frames(Thresholds.SOFT_MIN_SECONDS, fps), 2)
                    .forEach(r -> out.add(finding(Finding.Type.SOFT_FOCUS, Finding.Severity.WARNING, m, r, "sharpness",
                            FrameMetrics::sharpness, "soft: sharpness %.1f at most",
                            Map.of("clipSharpnessP75", p75, "limit", limit))));
        }
        IntPredicate same = i -> i > 0 && m.get(i).diff() < Thresholds.FROZEN_DIFF && !black(m.get(i));
        int minFrozen = frames(Thresholds.FROZEN_MIN_SECONDS, fps);
        runs(m, same, minFrozen, 0).forEach(r -> out.add(finding(Finding.Type.FROZEN_FRAMES, Finding.Severity.ERROR, m,
                r, "diff", FrameMetrics::diff, "picture frozen, largest change %.3f levels", Map.of())));
        for (int[] r : runs(m, same, 1, 0)) {
            if (r[1] - r[0] + 1 >= minFrozen) {
                continue;
            }
            double context = contextDiff(m, r[0], r[1]);
            if (context >= Thresholds.DUPLICATE_CONTEXT_DIFF) {
                out.add(finding(Finding.Type.DUPLICATE_FRAMES, Finding.Severity.WARNING, m, r, "diff",
                        FrameMetrics::diff, "repeated frame (change %.3f levels) inside moving picture",
                        Map.of("contextDiff", context)));
            }
        }
        out.addAll(dropped(m, fps));
        out.addAll(flicker(m, fps));
        if (!suspects.isEmpty() && suspects.size() <= Thresholds.STUCK_MAX_PIXELS && !m.isEmpty()) {
            PixelWatch.Suspect s = suspects.getFirst();
            Map<String, Double> nums = new LinkedHashMap<>();
            nums.put("pixels", (double) suspects.size());
            nums.put("x", (double) s.x());
            nums.put("y", (double) s.y());
            nums.put("level", s.meanLevel());
            nums.put("ownStd", s.ownStd());
            nums.put("neighbourStd", s.neighbourStd());
            nums.put("offset", s.meanOffset());
            out.add(new Finding(Finding.Type.STUCK_PIXEL, Finding.Severity.WARNING, 0, m.size() - 1,
                    m.getFirst().ptsMicros(), m.getLast().ptsMicros(), List.of((long) m.size() / 2), nums,
                    String.format(Locale.ROOT, "%d stuck/hot/dead pixel(s), first at (%d,%d) of %dx%d, level %.0f, own sd %.2f,"
                            + " neighbours' sd %.2f", suspects.size(), s.x(), s.y(), w, h, s.meanLevel(), s.ownStd(),
                            s.neighbourStd())));
        }
        if (locked) {
            runs(m, i -> m.get(i).shift() >= Thresholds.BUMP_MIN_SHIFT && m.get(i).gain() >= Thresholds.BUMP_MIN_GAIN,
                    1, 2).forEach(r -> out.add(finding(Finding.Type.CAMERA_BUMP, Finding.Severity.WARNING, m, r,
                    "shift", FrameMetrics::shift, "camera moved on a locked-off shot: %.1f px per frame at most",
                    Map.of("lockedOffFraction", lockedFraction))));
        }
        double[] series = m.stream().mapToDouble(FrameMetrics::meanLuma).toArray();
        Flicker.Peak peak = Flicker.peak(series.length > window(fps) ? Arrays.copyOf(series, window(fps)) : series, fps);
        return new ClipQc(m.size(), fps, w, h, percentile(sharp, 0.5), p75,
                m.stream().mapToDouble(FrameMetrics::meanLuma).average().orElse(0),
                m.stream().mapToDouble(FrameMetrics::clipped).average().orElse(0),
                m.stream().mapToDouble(FrameMetrics::crushed).average().orElse(0), lockedFraction, locked, peak, colour,
                out);
    }

    static boolean black(FrameMetrics f) {
        return f.meanLuma() < Thresholds.BLACK_MEAN && f.lit() < Thresholds.BLACK_LIT_PERCENT;
    }

    private static int window(double fps) {
        return (int) Math.round(FLICKER_WINDOW_SECONDS * fps);
    }

    static List<Finding> flicker(List<FrameMetrics> m, double fps) {
        List<Finding> out = new ArrayList<>();
        int n = m.size();
        if (n < Thresholds.FLICKER_MIN_SECONDS * fps) {
            return out;
        }
        int win = Math.min(n, window(fps));
        int hop = Math.max(1, win / 2);
        int lastEnd = -1;
        for (int start = 0; start + win <= n; start = start + win == n ? n : Math.min(start + hop, n - win)) {
            double[] s = new double[win];
            for (int i = 0; i < win; i++) {
                s[i] = m.get(start + i).meanLuma();
            }
            double mean = Arrays.stream(s).average().orElse(0);
            Flicker.Peak p = Flicker.peak(s, fps);
            boolean fires = p.amplitude() >= Thresholds.FLICKER_MIN_AMPLITUDE
                    && p.amplitude() >= Thresholds.FLICKER_MIN_RELATIVE / 100 * mean
                    && p.prominence() >= Thresholds.FLICKER_PROMINENCE;
            if (fires && start > lastEnd) {
                int end = start + win - 1;
                lastEnd = end;
                out.add(new Finding(Finding.Type.FLICKER, Finding.Severity.WARNING, start, end,
                        m.get(start).ptsMicros(), m.get(end).ptsMicros(), List.of((long) start, (long) (start + win / 2)),
                        Map.of("hz", p.hz(), "amplitude", p.amplitude(), "prominence", p.prominence(), "meanLevel", mean),
                        String.format(Locale.ROOT, "luminance flicker at %.2f Hz, amplitude %.2f levels (%.1f%%)",
                                p.hz(), p.amplitude(), 100 * p.amplitude() / Math.max(1e-9, mean))));
            }
            if (start + win >= n) {
                break;
            }
        }
        return out;
    }

    static List<Finding> dropped(List<FrameMetrics> m, double fps) {
        List<Finding> out = new ArrayList<>();
        if (m.size() < 3) {
            return out;
        }
        long[] steps = new long[m.size() - 1];
        for (int i = 1; i < m.size(); i++) {
            steps[i - 1] = m.get(i).ptsMicros() - m.get(i - 1).ptsMicros();
        }
        long[] sorted = steps.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (median <= 0) {
            return out;
        }
        out.addAll(ContentDrops.findings(m, i -> steps[i - 1] <= Thresholds.DROPPED_GAP_RATIO * median));
        for (int i = 1; i < m.size(); i++) {
            double gap = steps[i - 1];
            if (gap > Thresholds.DROPPED_GAP_RATIO * median) {
                long missing = Math.round(gap / median) - 1;
                double contentJump = m.get(i).diff() / Math.max(1e-6, contextDiff(m, i, i));
                out.add(new Finding(Finding.Type.DROPPED_FRAMES, Finding.Severity.ERROR, i - 1, i,
                        m.get(i - 1).ptsMicros(), m.get(i).ptsMicros(), List.of((long) i - 1, (long) i),
                        Map.of("gapMicros", gap, "medianStepMicros", median, "missingFrames", (double) missing,
                                "contentJumpRatio", contentJump, "fromContent", 0.0),
                        String.format(Locale.ROOT, "%d frame(s) missing: %.1f ms between frames %d and %d (normal %.1f ms)",
                                Math.max(1, missing), gap / 1000, i - 1, i, median / 1000)));
            }
        }
        return out;
    }

    /** Median frame difference of the three frames either side of [a, b]. */
    static double contextDiff(List<FrameMetrics> m, int a, int b) {
        List<Double> d = new ArrayList<>();
        for (int i = Math.max(1, a - 3); i <= Math.min(m.size() - 1, b + 3); i++) {
            if ((i < a || i > b + 1) && !Double.isNaN(m.get(i).diff())) {
                d.add(m.get(i).diff());
            }
        }
        if (d.isEmpty()) {
            return 0;
        }
        d.sort(Double::compare);
        return d.get(d.size() / 2);
    }

    private static Finding finding(Finding.Type type, Finding.Severity sev, List<FrameMetrics> m, int[] r, String key,
                                   java.util.function.ToDoubleFunction<FrameMetrics> value, String format,
                                   Map<String, Double> extra) {
        int worst = r[0];
        double sum = 0;
        boolean low = type == Finding.Type.SOFT_FOCUS || type == Finding.Type.FROZEN_FRAMES
                || type == Finding.Type.DUPLICATE_FRAMES || type == Finding.Type.BLACK_FRAMES
                || type == Finding.Type.UNDEREXPOSED;
        for (int i = r[0]; i <= r[1]; i++) {
            double v = value.applyAsDouble(m.get(i));
            sum += v;
            double best = value.applyAsDouble(m.get(worst));
            if (low ? v < best : v > best) {
                worst = i;
            }
        }
        double extreme = value.applyAsDouble(m.get(worst));
        double shown = type == Finding.Type.FROZEN_FRAMES || type == Finding.Type.UNDEREXPOSED
                ? maxOf(m, r, value) : extreme;
        Map<String, Double> nums = new LinkedHashMap<>(extra);
        nums.put(key + "Worst", extreme);
        nums.put(key + "Mean", sum / (r[1] - r[0] + 1));
        nums.put("frames", (double) (r[1] - r[0] + 1));
        return new Finding(type, sev, r[0], r[1], m.get(r[0]).ptsMicros(), m.get(r[1]).ptsMicros(),
                List.of((long) worst, (long) (r[0] + r[1]) / 2), nums, String.format(Locale.ROOT, format, shown)
                + String.format(Locale.ROOT, " over %d frame(s)", r[1] - r[0] + 1));
    }

    private static double maxOf(List<FrameMetrics> m, int[] r, java.util.function.ToDoubleFunction<FrameMetrics> v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = r[0]; i <= r[1]; i++) {
            max = Math.max(max, v.applyAsDouble(m.get(i)));
        }
        return max;
    }

    /** Runs of indices where {@code p} holds, bridging gaps up to {@code gap}, kept when at least {@code min} long. */
    static List<int[]> runs(List<FrameMetrics> m, IntPredicate p, int min, int gap) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int last = -1;
        for (int i = 0; i < m.size(); i++) {
            if (p.test(i)) {
                if (start >= 0 && i - last - 1 <= gap) {
                    last = i;
                } else {
                    if (start >= 0 && last - start + 1 >= min) {
                        out.add(new int[] {start, last});
                    }
                    start = i;
                    last = i;
                }
            }
        }
        if (start >= 0 && last - start + 1 >= min) {
            out.add(new int[] {start, last});
        }
        return out;
    }

    static int frames(double seconds, double fps) {
        return Math.max(1, (int) Math.round(seconds * fps));
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1)))];
    }
}
