package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.colour.DeltaE;
import io.setkeeper.appliance.analysis.perception.Face;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks on the characters of a scene: two face tracks are the same character when their mean embeddings are
 * closer than {@link Thresholds#sameCharacter()} (cosine). Wardrobe: a character's colour below the face differs
 * from every other appearance of the character in the scene. Screen direction: a character clearly looks one way
 * (yaw beyond {@link Thresholds#yawDegrees()}) in one setup and the other way in another.
 */
final class PeopleChecks {
    private PeopleChecks() {
    }

    private record Seen(ClipFacts clip, int index, ClipFacts.Person person) {
    }

    static List<Finding> wardrobe(List<ClipFacts> scene, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        List<Seen> all = seen(scene);
        for (Seen s : all) {
            if (s.person().wardrobe() == null) {
                continue;
            }
            Seen nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (Seen o : all) {
                if (o.clip().clipId() == s.clip().clipId() || o.person().wardrobe() == null || !same(s, o, t)) {
                    continue;
                }
                double d = DeltaE.ciede2000(s.person().wardrobe(), o.person().wardrobe());
                if (d < best) {
                    best = d;
                    nearest = o;
                }
            }
            if (nearest != null && best > t.wardrobeDeltaE()) {
                float[] a = s.person().wardrobe(), b = nearest.person().wardrobe(), box = s.person().torso();
                Map<String, Double> n = new java.util.HashMap<>(SetupChecks.lookNumbers(best, a, b));
                n.put("similarity", Continuity.round(Face.cosine(s.person().embedding(), nearest.person().embedding())));
                out.add(Finding.of(Finding.Kind.WARDROBE_CHANGED, s.clip(), nearest.clip(), "person " + s.index(),
                        String.format("the colour below the face of person %d in %s differs from the same character "
                                + "in %s by CIEDE2000 %.1f (threshold %.1f)", s.index(), s.clip().clip(),
                                nearest.clip().clip(), best, t.wardrobeDeltaE()),
                        n, new double[] {box[0], box[1], box[2], box[3]}));
            }
        }
        return out;
    }

    static List<Finding> direction(List<ClipFacts> scene, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        List<Seen> all = seen(scene);
        for (Seen s : all) {
            for (Seen o : all) {
                if (s.clip().clipId() >= o.clip().clipId() || java.util.Objects.equals(s.clip().setup(), o.clip().setup())
                        || !same(s, o, t)) {
                    continue;
                }
                double a = s.person().yaw(), b = o.person().yaw();
                if (Math.abs(a) >= t.yawDegrees() && Math.abs(b) >= t.yawDegrees() && Math.signum(a) != Math.signum(b)) {
                    out.add(Finding.of(Finding.Kind.SCREEN_DIRECTION, o.clip(), s.clip(), "person " + o.index(),
                            String.format("the same character looks %s (yaw %.0f°, at x %.2f) in %s (setup %s) and %s "
                                    + "(yaw %.0f°, at x %.2f) in %s (setup %s)", side(b), b, o.person().centerX(),
                                    o.clip().clip(), o.clip().setup(), side(a), a, s.person().centerX(),
                                    s.clip().clip(), s.clip().setup()),
                            Map.of("yaw", Continuity.round(b), "refYaw", Continuity.round(a),
                                    "centerX", Continuity.round(o.person().centerX()),
                                    "refCenterX", Continuity.round(s.person().centerX())), null));
                }
            }
        }
        return out;
    }

    private static String side(double yaw) {
        return yaw > 0 ? "to frame right" : "to frame left";
    }

    private static List<Seen> seen(List<ClipFacts> scene) {
        List<Seen> all = new ArrayList<>();
        for (ClipFacts c : scene) {
            for (int i = 0; i < c.people().size(); i++) {
                if (c.people().get(i).embedding() != null) {
                    all.add(new Seen(c, i, c.people().get(i)));
                }
            }
        }
        return all;
    }

    private static boolean same(Seen a, Seen b, Thresholds t) {
        return Face.cosine(a.person().embedding(), b.person().embedding()) >= t.sameCharacter();
    }
}
