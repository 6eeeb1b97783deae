package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The learners on synthetic productions: naming, unknowns, corrections, slate checks, unusable clips. */
class ProductionModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    static final Set<String> CAST = Set.of("JANA", "TOMAS", "DANI");

    /** Three characters in three setups, two takes each, named once. */
    static ProductionModel trained(Synthetic s) {
        ProductionModel m = new ProductionModel("p", CAST, CLOCK);
        String[] names = {"JANA", "TOMAS", "DANI"};
        for (int c = 0; c < 3; c++) {
            LearnResult first = m.learn(s.clip("c" + c + "t1", c, c));
            m.name(first.clusters().getFirst(), names[c], "dit");
            m.learn(s.clip("c" + c + "t2", c, c));
        }
        return m;
    }

    @Test
    void namedCharactersAreRecognisedAndAStrangerStaysUnknown() {
        Synthetic s = new Synthetic(1, 4, 3);
        ProductionModel m = trained(s);
        assertEquals(List.of("JANA", "TOMAS", "DANI"), m.characterNames());
        assertEquals(3, m.clusters().size(), "two takes per character joined one cluster each");
        ClipPrediction p = m.predict(s.clip("new", 1, 1, 3));
        assertEquals("TOMAS", p.people().get(0).character());
        assertTrue(p.people().get(0).confidence() > 0.5, "confident: " + p.people().get(0));
        assertNull(p.people().get(1).character(), "character 3 was never named and is far from all: " + p.people().get(1));
        assertEquals("S1", p.setup().predicted());
        assertFalse(p.setup().flagged());
    }

    @Test
    void aCorrectionNamingAnUnknownCharacterIsRefusedAndChangesNothing() {
        Synthetic s = new Synthetic(2, 3, 3);
        ProductionModel m = trained(s);
        var e = assertThrows(IllegalArgumentException.class, () -> m.correctCharacter("c0t1", 0, "GHOST", "dit"));
        assertTrue(e.getMessage().contains("unknown character 'GHOST'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.name(m.clusters().getFirst().id(), "GHOST", "dit"));
        assertThrows(IllegalArgumentException.class, () -> m.correctCharacter("no-such-clip", 0, "JANA", "dit"));
        assertTrue(m.corrections().stream().noneMatch(c -> c.value().equals("GHOST")));
        assertEquals("JANA", m.prediction("c0t1").orElseThrow().mainCharacter());
    }

    @Test
    void aCorrectionIsAppliedAtOnceAndNeverOverwrittenByLaterLearning() {
        Synthetic s = new Synthetic(3, 3, 3);
        ProductionModel m = trained(s);
        // the model says this face is JANA; a person says it is TOMAS (a look-alike, a stand-in)
        m.learn(s.clip("x", 0, 0));
        assertEquals("JANA", m.prediction("x").orElseThrow().mainCharacter());
        m.correctCharacter("x", 0, "TOMAS", "dit");
        CharacterPrediction now = m.prediction("x").orElseThrow().people().getFirst();
        assertEquals("TOMAS", now.character());
        assertEquals(CharacterPrediction.Source.PERSON, now.source());
        for (int i = 0; i < 20; i++) {
            m.learn(s.clip("more" + i, i % 3, i % 3));
        }
        m.learn(s.clip("x", 0, 0)); // the same clip analysed again
        assertEquals("TOMAS", m.prediction("x").orElseThrow().mainCharacter(), "the person's word stands");
        assertEquals("JANA", m.predict(s.clip("y", 0, 0)).mainCharacter(), "and JANA is still JANA");
    }

    @Test
    void aWrongSlateIsFlaggedAndItsCorrectionMovesTheClip() {
        Synthetic s = new Synthetic(4, 3, 3);
        ProductionModel m = trained(s);
        for (int i = 0; i < 6; i++) {
            m.learn(s.clip("extra" + i, i % 3, i % 3));
        }
        m.learn(s.clip("wrong", "S2", 0, 0)); // shot in S0, slated S2
        SetupPrediction p = m.prediction("wrong").orElseThrow().setup();
        assertEquals(SetupPrediction.Disagreement.WRONG_SLATE, p.disagreement(), p.toString());
        assertEquals("S0", p.predicted());
        assertTrue(p.margin() > 1, "slate setup farther than the predicted one: " + p.margin());
        m.correctSetup("wrong", "S0", "script");
        SetupPrediction after = m.prediction("wrong").orElseThrow().setup();
        assertFalse(after.flagged());
        assertTrue(after.corrected());
        m.learn(s.clip("wrong", "S2", 0, 0)); // re-analysis with the same wrong slate does not undo the correction
        assertEquals("S0", m.prediction("wrong").orElseThrow().setup().slate());
        for (int i = 0; i < 6; i++) {
            assertFalse(m.prediction("extra" + i).orElseThrow().setup().flagged(), "correct takes are not flagged");
        }
    }

    @Test
    void aBlackClipTeachesNothing() {
        Synthetic s = new Synthetic(5, 3, 3);
        ProductionModel m = trained(s);
        Heads before = m.heads();
        LearnResult r = m.learn(Synthetic.black("black", "S1"));
        assertFalse(r.learned());
        assertTrue(r.reason().contains("too dark"), r.reason());
        Heads after = m.heads();
        assertEquals(before.setups(), after.setups());
        for (int j = 0; j < before.setupPrototypes().length; j++) {
            for (int i = 0; i < SetupModel.DIMS; i++) {
                assertEquals(before.setupPrototypes()[j][i], after.setupPrototypes()[j][i], 1e-12);
            }
        }
        assertFalse(m.clips().contains("black"));
        assertEquals(6, m.baselines().stream().mapToLong(Baseline::clips).sum());
    }

    @Test
    void aClipWithNoFacesTeachesTheBackgroundButNoCharacter() {
        Synthetic s = new Synthetic(6, 3, 3);
        ProductionModel m = trained(s);
        int clusters = m.clusters().size();
        LearnResult r = m.learn(s.clip("plate", 2));
        assertTrue(r.learned());
        assertEquals(clusters, m.clusters().size());
        assertTrue(m.prediction("plate").orElseThrow().people().isEmpty());
        assertEquals("S2", m.prediction("plate").orElseThrow().setup().predicted());
        ClipFeatures.Person faceless = new ClipFeatures.Person(null, null, 0.9f, 0.5f, 0.2f, 5);
        ClipFeatures withStranger = new ClipFeatures("edge", "5", "S1", List.of(s.person(1), faceless),
                s.clip("tmp", 1, 1).background(), s.clip("tmp", 1, 1).framing(), s.clip("tmp", 1, 1).look(),
                s.clip("tmp", 1, 1).picture(), 12);
        m.learn(withStranger);
        ClipPrediction p = m.prediction("edge").orElseThrow();
        assertEquals("TOMAS", p.people().get(0).character());
        assertNull(p.people().get(1).character(), "someone seen without a face is never assigned");
        assertThrows(IllegalArgumentException.class, () -> m.correctCharacter("edge", 1, "JANA", "dit"));
    }

    @Test
    void lookAndBaselineReferencesAreKeptPerSceneAndSetup() {
        Synthetic s = new Synthetic(7, 3, 3);
        ProductionModel m = trained(s);
        Look look = m.looks().get("setup:S1");
        assertEquals(2, look.clips());
        assertEquals(51, look.mean()[0], 1e-9);
        assertEquals(25, look.covariance()[0], 1e-9, "within-clip variance, identical clip means add nothing");
        assertEquals(6, m.looks().get("scene:5").clips());
        Baseline b = m.baselines().stream().filter(x -> x.setup().equals("S2")).findFirst().orElseThrow();
        assertEquals(110, b.exposureMean(), 3);
    }
}
