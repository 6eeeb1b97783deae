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
            SetupChecks.Look near = SetupChecks.nearestLook(c, Continuity.others(firsts, c), t.sameViewCorrelation());
            if (near != null && near.deltaE() > t.lookSceneDeltaE()) {
                out.add(Finding.of(Finding.Kind.LOOK_DRIFT, c, near.other(), "scene", String.format(
                        "setup %s (%s) looks different from setup %s (%s) of scene %s: background CIEDE2000 %.1f "
                                + "(threshold %.1f)", c.setup(), c.clip(), near.other().setup(), near.other().clip(),
                        c.scene(), near.deltaE(), t.lookSceneDeltaE()), near.numbers(), null));
            }
        }
        return out;
    }
}
