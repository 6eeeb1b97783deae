package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.colour.DeltaE;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks between the takes of one setup. A take is flagged only when it differs from every other take of the setup
 * (the odd one out), and is compared with its nearest take; two takes that differ are one flag.
 */
final class SetupChecks {
    private SetupChecks() {
    }

    static List<Finding> check(List<ClipFacts> setup, Thresholds t) {
        List<Finding> out = new ArrayList<>(CameraChecks.withinSetup(setup));
        if (setup.size() < 2) {
            return out;
        }
        for (ClipFacts c : setup) {
            List<ClipFacts> others = Continuity.others(setup, c);
            // colour and set are compared cell by cell: only meaningful when the framing is the same
            if (!moved(c, others, t, out)) {
                look(c, others, t, out);
                changed(c, others, t, out);
            }
            things(c, others, t, out);
            edges(c, others, t, out);
        }
        return out;
    }

    private static void look(ClipFacts c, List<ClipFacts> others, Thresholds t, List<Finding> out) {
        Look near = nearestLook(c, others, Double.NEGATIVE_INFINITY);
        if (near != null && near.deltaE() > t.lookTakeDeltaE()) {
            out.add(Finding.of(Finding.Kind.LOOK_DRIFT, c, near.other(), "take", String.format(
                    "background colour of %s differs from %s by CIEDE2000 %.1f (threshold %.1f)", c.clip(),
                    near.other().clip(), near.deltaE(), t.lookTakeDeltaE()), near.numbers(), null));
        }
    }

    /** The nearest look among {@code others} whose background correlates at least {@code minCorrelation}. */
    record Look(ClipFacts other, double deltaE, float[] mine, float[] theirs, double correlation) {
        Map<String, Double> numbers() {
            Map<String, Double> n = new java.util.HashMap<>(lookNumbers(deltaE, mine, theirs));
            n.put("correlation", Continuity.round(correlation));
            return n;
        }
    }

    static Look nearestLook(ClipFacts c, List<ClipFacts> others, double minCorrelation) {
        Look best = null;
        for (ClipFacts o : others) {
            float[] a = c.background().meanLab(o.background());
            double r = c.background().lightnessCorrelation(o.background());
            if (a == null || r < minCorrelation) {
                continue;
            }
            float[] b = o.background().meanLab(c.background());
            double d = DeltaE.ciede2000(a, b);
            if (best == null || d < best.deltaE()) {
                best = new Look(o, d, a, b, r);
            }
        }
        return best;
    }

    static Map<String, Double> lookNumbers(double d, float[] a, float[] b) {
        return Map.of("deltaE2000", Continuity.round(d), "L", Continuity.round(a[0]), "a", Continuity.round(a[1]),
                "b", Continuity.round(a[2]), "refL", Continuity.round(b[0]), "refA", Continuity.round(b[1]),
                "refB", Continuity.round(b[2]));
    }

    private static boolean moved(ClipFacts c, List<ClipFacts> others, Thresholds t, List<Finding> out) {
        Background.Shift least = null;
        ClipFacts nearest = null;
        for (ClipFacts o : others) {
            Background.Shift s = c.background().bestShift(o.background());
            boolean isMove = s.cells() >= t.moveCells() && s.gain() >= t.moveGain();
            if (!isMove) {
                return false;
            }
            if (least == null || s.gain() < least.gain()) {
                least = s;
                nearest = o;
            }
        }
        if (least == null) {
            return false;
        }
        double dx = (double) least.dx() / Background.W, dy = (double) least.dy() / Background.H;
        out.add(Finding.of(Finding.Kind.CAMERA_MOVED, c, nearest, "framing", String.format(
                "the background of %s is shifted by %.0f%% of the width and %.0f%% of the height against %s "
                        + "(the shift explains %.0f%% of the difference)", c.clip(), -dx * 100, -dy * 100,
                nearest.clip(), least.gain() * 100),
                Map.of("shiftX", Continuity.round(-dx), "shiftY", Continuity.round(-dy),
                        "gain", Continuity.round(least.gain()), "errorUnmoved", Continuity.round(least.errorUnmoved()),
                        "errorMoved", Continuity.round(least.error())),
                new double[] {0, 0, 1, 1}));
        return true;
    }

    private static void changed(ClipFacts c, List<ClipFacts> others, Thresholds t, List<Finding> out) {
        Background.Change least = null;
        ClipFacts nearest = null;
        for (ClipFacts o : others) {
            Background.Change ch = c.background().largestChange(o.background(), t.cellDeltaE());
            if (ch.fraction() < t.changedFraction()) {
                return;
            }
            if (least == null || ch.fraction() < least.fraction()) {
                least = ch;
                nearest = o;
            }
        }
        if (least == null) {
            return;
        }
        out.add(Finding.of(Finding.Kind.SET_CHANGED, c, nearest, "background", String.format(
                "%.1f%% of the background of %s changed against %s (cells over CIEDE2000 %.0f), region x %.2f-%.2f "
                        + "y %.2f-%.2f", least.fraction() * 100, c.clip(), nearest.clip(), t.cellDeltaE(), least.x1(),
                least.x2(), least.y1(), least.y2()),
                Map.of("changedFraction", Continuity.round(least.fraction() * 100) / 100,
                        "changedCells", (double) least.cells(), "cellDeltaE", t.cellDeltaE()),
                new double[] {least.x1(), least.y1(), least.x2(), least.y2()}));
    }

    private static void things(ClipFacts c, List<ClipFacts> others, Thresholds t, List<Finding> out) {
        for (ClipFacts.Thing th : c.things()) {
            if (th.fraction() < t.objectFraction()) {
                continue;
            }
            boolean elsewhere = others.stream().anyMatch(o -> o.things().stream()
                    .anyMatch(x -> x.label().equals(th.label())));
            if (!elsewhere) {
                float[] b = th.box();
                out.add(Finding.of(Finding.Kind.UNEXPECTED_OBJECT, c, others.getFirst(), th.label(), String.format(
                        "a %s is in %.0f%% of the sampled frames of %s and in no other take of setup %s",
                        th.label(), th.fraction() * 100, c.clip(), c.setup()),
                        Map.of("framesFraction", Continuity.round(th.fraction()), "score", Continuity.round(th.score()),
                                "otherTakes", (double) others.size()),
                        new double[] {b[0], b[1], b[2], b[3]}));
            }
        }
    }

    private static void edges(ClipFacts c, List<ClipFacts> others, Thresholds t, List<Finding> out) {
        for (ClipFacts.EdgePerson e : c.edges()) {
            if (e.fraction() < t.edgeFraction()) {
                continue;
            }
            boolean elsewhere = others.stream().anyMatch(o -> o.edges().stream()
                    .anyMatch(x -> x.side() == e.side() && x.fraction() >= t.edgeFraction() / 2));
            if (!elsewhere) {
                float[] b = e.box();
                out.add(Finding.of(Finding.Kind.UNEXPECTED_PERSON, c, others.getFirst(), e.side().name(),
                        String.format("a person at the %s frame edge in %.0f%% of the sampled frames of %s, in no "
                                + "other take of setup %s", e.side().name().toLowerCase(java.util.Locale.ROOT),
                                e.fraction() * 100, c.clip(), c.setup()),
                        Map.of("framesFraction", Continuity.round(e.fraction()), "otherTakes", (double) others.size()),
                        new double[] {b[0], b[1], b[2], b[3]}));
            }
        }
    }
}
