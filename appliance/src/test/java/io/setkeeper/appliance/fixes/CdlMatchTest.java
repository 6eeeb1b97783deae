package io.setkeeper.appliance.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.fixes.cdl.CdlMatch;
import io.setkeeper.appliance.fixes.cdl.LookStats;
import io.setkeeper.appliance.fixes.cdl.Pixels;
import io.setkeeper.appliance.review.Verdict;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CDL solver on synthetic colours: the array apply equals protocol's, a known push is undone, limits hold. */
class CdlMatchTest {
    private static final Cdl PUSH = Cdl.of("push", new Rgb(1.12, 0.97, 0.88), new Rgb(0.02, 0.0, -0.01),
            new Rgb(0.95, 1.0, 1.08), 0.85);

    static Pixels scene(long seed, int n) {
        Random rnd = new Random(seed);
        float[] rgb = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double l = 0.1 + 0.8 * rnd.nextDouble();
            double tint = rnd.nextGaussian() * 0.08;
            rgb[3 * i] = (float) Math.min(1, Math.max(0, l + tint));
            rgb[3 * i + 1] = (float) Math.min(1, Math.max(0, l + rnd.nextGaussian() * 0.03));
            rgb[3 * i + 2] = (float) Math.min(1, Math.max(0, l - tint + rnd.nextGaussian() * 0.03));
        }
        return new Pixels(rgb);
    }

    @Test
    void theArrayApplyIsProtocolsCdl() {
        Pixels p = scene(1, 500);
        Pixels out = p.apply(PUSH);
        for (int i = 0; i < p.count(); i++) {
            Rgb want = PUSH.apply(new Rgb(p.rgb()[3 * i], p.rgb()[3 * i + 1], p.rgb()[3 * i + 2]));
            assertEquals(want.r(), out.rgb()[3 * i], 1e-6);
            assertEquals(want.g(), out.rgb()[3 * i + 1], 1e-6);
            assertEquals(want.b(), out.rgb()[3 * i + 2], 1e-6);
        }
    }

    @Test
    void aPushedShotIsMatchedBackToItsMeasuredReference() {
        Pixels original = scene(2, 6000);
        Pixels pushed = original.apply(PUSH);
        CdlMatch.Match m = CdlMatch.match(pushed, LookStats.of(original), CdlMatch.DEFAULT_LIMIT, "clip:1");
        assertTrue(m.deltaEBefore() > 3, "the push must be visible: " + m.deltaEBefore());
        assertTrue(m.deltaEAfter() < 1.0, "after: " + m.deltaEAfter());
        assertEquals(Verdict.Kind.FIXABLE_IN_POST, m.verdict().kind());
        // undone: the recovered CDL after the push is close to the identity on a grey ramp
        for (double v = 0.15; v <= 0.85; v += 0.1) {
            Rgb back = m.cdl().apply(PUSH.apply(Rgb.all(v)));
            assertTrue(CdlMatch.deltaE(back, Rgb.all(v)) < 1.5, "grey " + v + " came back as " + back);
        }
    }

    @Test
    void aGaussianReferenceIsApproached() {
        Pixels original = scene(3, 6000);
        LookStats ref = LookStats.of(original).asGaussian();
        CdlMatch.Match m = CdlMatch.match(original.apply(PUSH), ref, CdlMatch.DEFAULT_LIMIT, "scene:5");
        assertTrue(m.deltaEAfter() < m.deltaEBefore() / 2, m.deltaEBefore() + " -> " + m.deltaEAfter());
    }

    @Test
    void anUnrecoverableShotIsAReshoot() {
        Pixels original = scene(4, 4000);
        float[] blown = new float[original.rgb().length];
        java.util.Arrays.fill(blown, 1f);
        CdlMatch.Match m = CdlMatch.match(new Pixels(blown), LookStats.of(original), CdlMatch.DEFAULT_LIMIT, "clip:1");
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, m.verdict().kind());
        assertTrue(m.verdict().reason().contains("still"), m.verdict().reason());
    }
}
