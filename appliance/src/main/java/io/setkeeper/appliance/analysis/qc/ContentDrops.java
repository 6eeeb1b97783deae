package io.setkeeper.appliance.analysis.qc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Dropped frames seen in the picture, not the timestamps. In steady motion each frame differs from its predecessor
 * by about the same amount ({@code step1}), and from the frame two back by a larger, also steady amount
 * ({@code step2}). When a frame is missing, the next one has moved two intervals: its one-frame difference looks
 * like the neighbours' two-frame difference while the timestamps stay regular (a stream re-stamped evenly, a
 * recorder that drops before encoding). Comparing with the clip's own two-interval difference at that moment
 * calibrates away texture and saturation (a plain "twice the usual difference" rule does not hold on real texture).
 * Pure functions over the per-frame numbers; thresholds in {@link Thresholds} ({@code DROP_*}).
 */
public final class ContentDrops {
    /** Frames looked at on each side of a candidate. */
    static final int NEIGHBOURS = 3;

    /**
     * How one frame's change compares with its neighbours' one- and two-interval changes.
     *
     * @param index  the frame (the first frame after the suspected gap)
     * @param t      (step1 - neighbours' median step1) / (neighbours' median step2 - median step1): about 0 for a
     *               normal frame, about 1 when one frame is missing
     * @param one    the neighbours' median one-interval difference, levels
     * @param two    the neighbours' median two-interval difference, levels
     * @param spread (max - min) / median of the neighbours' one-interval differences: how steady the motion is
     * @param tNext  the same position for the next frame: a missing frame leaves it at about 0, a glitch in frame
     *               {@code index} itself (noise, a flash, a compression burst) raises both
     */
    public record Jump(int index, double t, double one, double two, double spread, double tNext) {
        /** The motion is steady and large enough that one interval can be told from two. */
        public boolean steady() {
            return one >= Thresholds.DROP_MIN_CONTEXT_DIFF && two >= Thresholds.DROP_MIN_SEPARATION * one
                    && spread <= Thresholds.DROP_MAX_SPREAD;
        }

        /** Whether the physics says "a frame is missing here". */
        public boolean fires() {
            return steady() && t >= Thresholds.DROP_MIN_T && t <= Thresholds.DROP_MAX_T
                    && tNext <= Thresholds.DROP_MAX_NEXT_T;
        }
    }

    private ContentDrops() {
    }

    /** The jump of frame {@code i}, or null without a full window of measured neighbours or after a repeat. */
    public static Jump jump(List<FrameMetrics> m, int i) {
        if (i < 2 || Double.isNaN(m.get(i).step1())) {
            return null;
        }
        double[] d1 = new double[2 * NEIGHBOURS];
        double[] d2 = new double[2 * NEIGHBOURS];
        int n1 = 0;
        int n2 = 0;
        for (int j = i - NEIGHBOURS; j <= i + NEIGHBOURS + 1; j++) {
            if (j < 2 || j >= m.size() || j == i) {
                continue;
            }
            FrameMetrics f = m.get(j);
            if (j <= i + NEIGHBOURS && n1 < d1.length && !Double.isNaN(f.step1())) {
                d1[n1++] = f.step1();
            }
            if (j != i + 1 && n2 < d2.length && !Double.isNaN(f.step2())) {
                d2[n2++] = f.step2(); // frame i + 1's two-frame step spans the gap too
            }
        }
        if (n1 < 2 * NEIGHBOURS || n2 < 2 * NEIGHBOURS - 1 || m.get(i - 1).diff() < Thresholds.FROZEN_DIFF
                || i + 1 >= m.size()) {
            return null; // not a full window either side, or the catch-up after a repeated frame (a duplicate)
        }
        double one = median(Arrays.copyOf(d1, n1));
        double two = median(Arrays.copyOf(d2, n2));
        if (one <= 0 || two <= one) {
            return new Jump(i, 0, one, two, Double.POSITIVE_INFINITY, 0);
        }
        double[] s = Arrays.copyOf(d1, n1);
        Arrays.sort(s);
        return new Jump(i, (m.get(i).step1() - one) / (two - one), one, two, (s[n1 - 1] - s[0]) / one,
                (m.get(i + 1).step1() - one) / (two - one));
    }

    /** Every frame's jump (nulls left out). */
    public static List<Jump> jumps(List<FrameMetrics> m) {
        List<Jump> out = new ArrayList<>();
        for (int i = 2; i < m.size(); i++) {
            Jump j = jump(m, i);
            if (j != null) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * DROPPED_FRAMES findings from content, at frames whose timestamp step is regular ({@code regularStep} true;
     * an irregular step is already reported from the timestamps). Marked {@code fromContent = 1} in the numbers and
     * a WARNING, not an ERROR like a timestamp gap: about 1 % of frames in steady motion on clean footage pass too.
     */
    public static List<Finding> findings(List<FrameMetrics> m, IntPredicate regularStep) {
        List<Finding> out = new ArrayList<>();
        for (Jump j : jumps(m)) {
            if (!j.fires() || !regularStep.test(j.index())) {
                continue;
            }
            int i = j.index();
            Map<String, Double> nums = new LinkedHashMap<>();
            nums.put("fromContent", 1.0);
            nums.put("missingFrames", 1.0);
            nums.put("jumpT", j.t());
            nums.put("step", m.get(i).step1());
            nums.put("neighbourStep", j.one());
            nums.put("neighbourTwoStep", j.two());
            nums.put("neighbourSpread", j.spread());
            out.add(new Finding(Finding.Type.DROPPED_FRAMES, Finding.Severity.WARNING, i - 1, i, m.get(i - 1).ptsMicros(),
                    m.get(i).ptsMicros(), List.of((long) i - 1, (long) i), nums, String.format(Locale.ROOT,
                    "a frame missing (from content): frames %d to %d differ by %.2f levels, like two steps of the"
                            + " motion around them (%.2f) rather than one (%.2f); timestamps regular",
                    i - 1, i, m.get(i).step1(), j.two(), j.one())));
        }
        return out;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return (v[(v.length - 1) / 2] + v[v.length / 2]) / 2;
    }
}
