package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.colour.DeltaE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure checks on drawn backgrounds and hand-made facts: each kind fires on its change and only then. */
class ContinuityTest {
    private final Thresholds t = Thresholds.defaults();

    private static List<ClipFacts> takes(Background third) {
        return List.of(SyntheticFacts.clip(1, "5B", "1", SyntheticFacts.background(0, 0, 0, false)),
                SyntheticFacts.clip(2, "5B", "2", SyntheticFacts.background(0, 0.3, 0, false)),
                SyntheticFacts.clip(3, "5B", "3", third));
    }

    private static List<Finding> of(List<Finding> all, Finding.Kind kind) {
        return all.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void ciede2000MatchesPublishedPairs() {
        // Sharma, Wu, Dalal (2005) test data, pairs 1 and 25
        assertEquals(2.0425, DeltaE.ciede2000(50, 2.6772, -79.7751, 50, 0, -82.7485), 1e-4);
        assertEquals(1.2644, DeltaE.ciede2000(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387), 1e-4);
        assertEquals(0, DeltaE.ciede2000(40, 10, -10, 40, 10, -10), 1e-9);
    }

    @Test
    void identicalTakesGiveNothing() {
        assertEquals(List.of(), Continuity.evaluate(takes(SyntheticFacts.background(0, -0.2, 0, false)), t));
    }

    @Test
    void lookDriftNamesTheOddTakeWithItsNumbers() {
        List<Finding> f = Continuity.evaluate(takes(SyntheticFacts.background(0, 6, 8, false)), t);
        List<Finding> drift = of(f, Finding.Kind.LOOK_DRIFT);
        assertEquals(1, drift.size(), f.toString());
        assertEquals(3L, drift.getFirst().clipIds().getFirst());
        assertTrue(drift.getFirst().numbers().get("deltaE2000") > t.lookTakeDeltaE());
    }

    @Test
    void cameraMoveIsFoundAndNotCalledADressingChange() {
        List<Finding> f = Continuity.evaluate(takes(SyntheticFacts.background(3, 0, 0, false)), t);
        assertEquals(1, of(f, Finding.Kind.CAMERA_MOVED).size(), f.toString());
        assertEquals(0, of(f, Finding.Kind.SET_CHANGED).size());
        assertEquals(0.05, Math.abs(of(f, Finding.Kind.CAMERA_MOVED).getFirst().numbers().get("shiftX")), 0.01);
    }

    @Test
    void setChangeReportsTheRegion() {
        List<Finding> f = Continuity.evaluate(takes(SyntheticFacts.background(0, 0, 0, true)), t);
        List<Finding> changed = of(f, Finding.Kind.SET_CHANGED);
        assertEquals(1, changed.size(), f.toString());
        double[] r = changed.getFirst().region();
        assertEquals(10.0 / 64, r[0], 0.02);
        assertEquals(20.0 / 64, r[2], 0.02);
        assertEquals(20.0 / 48, r[1], 0.03);
        assertEquals(34.0 / 48, r[3], 0.03);
    }

    @Test
    void cameraMetadataMismatchAgainstTheMajority() {
        List<ClipFacts> clips = new ArrayList<>(takes(SyntheticFacts.background(0, 0, 0, false)));
        ClipFacts odd = clips.get(2);
        clips.set(2, new ClipFacts(odd.clipId(), odd.clip(), odd.scene(), odd.setup(), odd.take(),
                new ClipFacts.Camera("A", 25, 1920, 1080, "PQ", Map.of()), null, odd.background(), List.of(),
                List.of(), List.of(), null));
        List<Finding> f = of(Continuity.evaluate(clips, t), Finding.Kind.CAMERA_MISMATCH);
        assertEquals(1, f.size());
        assertTrue(f.getFirst().summary().contains("fps 25 (reference 24)"), f.getFirst().summary());
        assertTrue(f.getFirst().summary().contains("transfer PQ (reference SDR)"), f.getFirst().summary());
    }

    @Test
    void objectAndEdgePersonOnlyInOneTake() {
        List<ClipFacts> clips = new ArrayList<>(takes(SyntheticFacts.background(0, 0, 0, false)));
        ClipFacts c = clips.get(1);
        clips.set(1, new ClipFacts(c.clipId(), c.clip(), c.scene(), c.setup(), c.take(), c.camera(), null,
                c.background(), List.of(), List.of(new ClipFacts.EdgePerson(ClipFacts.EdgePerson.Side.RIGHT, 0.75,
                new float[] {0.9f, 0.2f, 1f, 1f})), List.of(new ClipFacts.Thing("chair", 1, 0.8,
                new float[] {0.1f, 0.5f, 0.3f, 0.9f})), null));
        List<Finding> f = Continuity.evaluate(clips, t);
        assertEquals("chair", of(f, Finding.Kind.UNEXPECTED_OBJECT).getFirst().subject());
        assertEquals("RIGHT", of(f, Finding.Kind.UNEXPECTED_PERSON).getFirst().subject());
        assertEquals(2L, of(f, Finding.Kind.UNEXPECTED_PERSON).getFirst().clipIds().getFirst());
    }

    @Test
    void wardrobeAndScreenDirectionOfTheSameCharacter() {
        float[] face = new float[8];
        face[0] = 1;
        ClipFacts.Person a = new ClipFacts.Person(face, new float[] {60, 0, 60}, 0.3, 35, 4, new float[] {0, 0.5f, 0.5f, 1});
        ClipFacts.Person b = new ClipFacts.Person(face, new float[] {40, 50, 20}, 0.7, -35, 4, new float[] {0.4f, 0.5f, 1, 1});
        Background bg = SyntheticFacts.background(0, 0, 0, false);
        ClipFacts one = SyntheticFacts.clip(1, "5B", "1", bg), two = SyntheticFacts.clip(2, "5C", "1", bg);
        List<ClipFacts> clips = List.of(
                new ClipFacts(1, one.clip(), "5", "5B", "1", one.camera(), null, bg, List.of(a), List.of(), List.of(), null),
                new ClipFacts(2, two.clip(), "5", "5C", "1", two.camera(), null, bg, List.of(b), List.of(), List.of(), null));
        List<Finding> f = Continuity.evaluate(clips, t);
        assertEquals(2, of(f, Finding.Kind.WARDROBE_CHANGED).size(), f.toString());
        assertEquals(1, of(f, Finding.Kind.SCREEN_DIRECTION).size(), f.toString());
    }

    @Test
    void soundSlateDisagreeingWithPicture() {
        ClipFacts c = SyntheticFacts.clip(1, "5B", "2", SyntheticFacts.background(0, 0, 0, false));
        ClipFacts withSound = new ClipFacts(1, c.clip(), "5", "5B", "2", c.camera(),
                new ClipFacts.SoundSlate("5B", "3", "T003.WAV"), c.background(), List.of(), List.of(), List.of(), null);
        List<Finding> f = Continuity.evaluate(List.of(withSound), t);
        assertEquals(1, f.size());
        assertEquals(Finding.Kind.SOUND_MISMATCH, f.getFirst().kind());
        assertEquals("take", f.getFirst().subject());
    }
}
