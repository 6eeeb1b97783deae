package io.setkeeper.appliance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.Slate;
import io.setkeeper.appliance.model.CharacterPrediction;
import io.setkeeper.appliance.model.ClipFeatures;
import io.setkeeper.appliance.model.ClipPrediction;
import io.setkeeper.appliance.model.FeatureExtractor;
import io.setkeeper.appliance.model.SetupPrediction;
import io.setkeeper.appliance.plan.ShotSize;
import io.setkeeper.appliance.store.AnalysisStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One clip's facts into a take: slate, QC, the model's characters with shot sizes, and its word on the slate. */
class CoverageServiceTest {
    static Clip clip(String name, Slate slate) {
        return new Clip(1, "p", "card", name, name, Path.of(name), "VIDEO", Clip.Status.PROBED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("30"),
                Optional.of(640), Optional.of(480), Optional.of(2.0), slate, "{}", Instant.EPOCH);
    }

    static Slate slate(String setup, String take, boolean circled) {
        return new Slate(Optional.of(setup.replaceAll("[A-Z]+$", "")), Optional.of(setup), Optional.of(take),
                Optional.of(circled), Optional.empty(), List.of(), List.of());
    }

    static ClipFeatures.Person face(float cx, float cy, float width) {
        return new ClipFeatures.Person(new float[512], null, cx, cy, width, 5);
    }

    static ClipFeatures features(String clip, List<ClipFeatures.Person> people) {
        return new ClipFeatures(clip, "5", "5B", people, new float[FeatureExtractor.BACKGROUND_DIMS], null,
                new ClipFeatures.Look(new double[3], new double[9], 0), new ClipFeatures.Picture(100, 120, 1), 5);
    }

    static CharacterPrediction who(String name) {
        return new CharacterPrediction(name, name == null ? 0 : 0.9, 0.5, 0.3, Double.NaN, CharacterPrediction.Source.MODEL, null);
    }

    static SetupPrediction setup(String predicted, String slate, SetupPrediction.Disagreement d) {
        return new SetupPrediction(predicted, 0.7, slate, d, Double.NaN, List.of(), false);
    }

    static AnalysisStore.FindingRow finding(String type, String severity) {
        return new AnalysisStore.FindingRow(1, 1, "p", type, severity, 0, 1, 0, 1, Optional.empty(), Optional.empty(),
                "msg", "{}", Optional.empty());
    }

    @Test
    void aCircledTakeWithItsCharacterAtAMeasuredSize() {
        var people = List.of(face(0.5f, 0.3f, 0.1f));
        TakeRecord t = CoverageService.take(clip("again.mkv", slate("5B", "1", true)), "DONE", List.of(),
                Optional.of(new ClipPrediction("again.mkv", List.of(who("DANI")), setup("5B", "5B", null))),
                Optional.of(features("again.mkv", people)), Optional.empty()).orElseThrow();
        assertEquals(new ShotTake("5", "5B", 1, true, true, true,
                List.of(new ShotTake.Sighting("DANI", ShotSize.MS)), 0, false), t.take());
        assertEquals("covered", t.status());
    }

    @Test
    void aWrongSlateIsNotUsableAndAnotherPersonIsCountedButABrokenTrackIsNot() {
        var people = List.of(face(0.5f, 0.3f, 0.1f), face(0.52f, 0.31f, 0.1f), face(0.95f, 0.4f, 0.08f));
        TakeRecord t = CoverageService.take(clip("milk.mkv", slate("5C", "1", true)), "DONE",
                List.of(finding("DUPLICATE_FRAMES", "WARNING"), finding("NOTE", "INFO")),
                Optional.of(new ClipPrediction("milk.mkv", List.of(who("TOMAS"), who(null), who(null)),
                        setup("5B", "5C", SetupPrediction.Disagreement.WRONG_SLATE))),
                Optional.of(features("milk.mkv", people)), Optional.empty()).orElseThrow();
        assertFalse(t.take().slateAgrees());
        assertFalse(t.take().usable());
        assertFalse(t.take().qcClean());
        assertEquals(1, t.take().unknown(), "the track beside TOMAS's face is his; the one at the edge is someone else");
        assertEquals(List.of("DUPLICATE_FRAMES: msg"), t.qcProblems());
        assertEquals("unusable", t.status());
        assertTrue(t.notes().contains("slate says 5C but the picture looks like 5B"), t.notes().toString());
    }

    @Test
    void anUnslatedClipIsPlacedByTheModelAndOneWithNothingIsLeftOut() {
        Clip unslated = clip("x.mov", Slate.NONE);
        TakeRecord t = CoverageService.take(unslated, "QUEUED", List.of(),
                Optional.of(new ClipPrediction("x.mov", List.of(), setup("5D", null, null))), Optional.empty(),
                Optional.empty()).orElseThrow();
        assertEquals("MODEL", t.placedBy());
        assertEquals("5D", t.take().setup());
        assertEquals("5", t.take().scene());
        assertTrue(t.take().qcPending());
        assertEquals(0.7, t.placementConfidence(), 1e-9);
        assertTrue(CoverageService.take(unslated, "NONE", List.of(), Optional.empty(), Optional.empty(),
                Optional.empty()).isEmpty());
    }
}
