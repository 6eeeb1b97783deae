package io.setkeeper.appliance.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Look drift between the setups of a scene: each setup's first take against the other setups' first takes that
 * show the same place (lightness correlation of the backgrounds), flagged when it differs from all of them.
 */
final class SceneChecks {
    private SceneChecks() {
    }

    static List<Finding> look(Map<String, List<ClipFacts>> setups, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        List<ClipFacts> firsts = setups.values().stream().map(List::getFirst).toList();
        for (ClipFacts c : firsts) {
            ClipFacts nearest = null;
            double best = Double.POSITIVE_INFINITY, corr = 0;
            float[] mine = null, theirs = null;
            for (ClipFacts o : Continuity.others(firsts, c)) {
                double r = c.background().lightnessCorrelation(o.background());
                float[] a = c.background().meanLab(o.background());
                if (r < t.sameViewCorrelation() || a == null) {
                    continue;
                }
                float[] b = o.background().meanLab(c.background());
                double d = Ciede2000.delta(a, b);
                if (d < best) {
                    best = d;
                    nearest = o;
                    corr = r;
                    mine = a;
                    theirs = b;
                }
            }
            if (nearest != null && best > t.lookSceneDeltaE()) {
                Map<String, Double> n = new java.util.HashMap<>(SetupChecks.lookNumbers(best, mine, theirs));
                n.put("correlation", Continuity.round(corr));
                out.add(Finding.of(Finding.Kind.LOOK_DRIFT, c, nearest, "scene", String.format(
                        "setup %s (%s) looks different from setup %s (%s) of scene %s: background CIEDE2000 %.1f "
                                + "(threshold %.1f)", c.setup(), c.clip(), nearest.setup(), nearest.clip(), c.scene(),
                        best, t.lookSceneDeltaE()), n, null));
            }
        }
        return out;
    }
}
