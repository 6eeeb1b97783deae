package io.setkeeper.appliance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.coverage.CoverageFlag.NoUsableTake;
import io.setkeeper.appliance.coverage.CoverageFlag.NothingShot;
import io.setkeeper.appliance.coverage.CoverageFlag.SpeakerWithoutSingle;
import io.setkeeper.appliance.coverage.CoverageFlag.UnplannedSetup;
import io.setkeeper.appliance.coverage.CoverageFlag.UsableOnlyWithQcProblem;
import io.setkeeper.appliance.coverage.ShotTake.Sighting;
import io.setkeeper.appliance.plan.FountainParser;
import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.Scene;
import io.setkeeper.appliance.plan.ShotListReader;
import io.setkeeper.appliance.plan.ShotSize;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Coverage decisions, table-driven: takes in, flags out. */
class CoverageTest {
    private static final List<Scene> SCENES = FountainParser.parse("""
            INT. TRAINING ROOM - DAY #5#

            INSTRUCTOR (V.O.)
            Go.

            DANI
            Again.

            JANA
            Book.

            EXT. ROOF - DAY #3#

            JANA walks to the edge.
            """).scenes();
    private static final List<PlannedSetup> SETUPS = ShotListReader.read("""
            scene,setup,shot_size,subjects
            5,5A,WS,DANI;JANA
            5,5B,CU,DANI
            5,5C,CU,JANA
            3,3A,WS,JANA
            """).setups();

    private static ShotTake take(String setup, int take, boolean circled, boolean qcClean, Sighting... seen) {
        return new ShotTake(setup.substring(0, 1), setup, take, circled, qcClean, List.of(seen));
    }

    private static Sighting seen(String who, ShotSize size) {
        return new Sighting(who, size);
    }

    /** Every setup covered by a clean circled take, each speaker with a single. */
    private static final List<ShotTake> FULL = List.of(
            take("5A", 1, true, true, seen("DANI", ShotSize.WS), seen("JANA", ShotSize.WS)),
            take("5B", 1, false, true, seen("DANI", ShotSize.CU)),
            take("5C", 1, true, true, seen("JANA", ShotSize.MCU)),
            take("3A", 1, true, true, seen("JANA", ShotSize.WS)));

    /** FULL with the takes of the replacements' setups replaced by them. */
    private static List<ShotTake> with(ShotTake... replacements) {
        List<ShotTake> out = new ArrayList<>(FULL);
        for (ShotTake r : replacements) {
            out.removeIf(t -> t.setup().equals(r.setup()));
        }
        out.addAll(List.of(replacements));
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("everything covered", FULL, List.of()),
                Arguments.of("nothing shot", List.of(), List.of(
                        new NothingShot("5"), new NoUsableTake("5", "5A", List.of()),
                        new NoUsableTake("5", "5B", List.of()), new NoUsableTake("5", "5C", List.of()),
                        new SpeakerWithoutSingle("5", "DANI"), new SpeakerWithoutSingle("5", "JANA"),
                        new NothingShot("3"), new NoUsableTake("3", "3A", List.of()))),
                Arguments.of("neither circled nor clean is not usable",
                        with(take("5C", 1, false, false, seen("JANA", ShotSize.CU))),
                        List.of(new NoUsableTake("5", "5C", List.of(1)), new SpeakerWithoutSingle("5", "JANA"))),
                Arguments.of("slate disagrees with the footage",
                        with(new ShotTake("5", "5C", 1, true, true, false, List.of(seen("JANA", ShotSize.CU)))),
                        List.of(new NoUsableTake("5", "5C", List.of(1)), new SpeakerWithoutSingle("5", "JANA"))),
                Arguments.of("only usable take is circled with a QC problem",
                        with(take("5B", 1, true, false, seen("DANI", ShotSize.CU)),
                                take("5B", 2, false, false, seen("DANI", ShotSize.CU))),
                        List.of(new UsableOnlyWithQcProblem("5", "5B", List.of(1)))),
                Arguments.of("a clean take beside a flawed circled one is fine",
                        with(take("5B", 1, true, false, seen("DANI", ShotSize.CU)),
                                take("5B", 2, false, true, seen("DANI", ShotSize.CU))),
                        List.of()),
                Arguments.of("someone else in frame spoils the single",
                        with(take("5C", 1, true, true, seen("JANA", ShotSize.CU), seen("DANI", ShotSize.MS))),
                        List.of(new SpeakerWithoutSingle("5", "JANA"))),
                Arguments.of("a medium shot is not a single",
                        with(take("5C", 1, true, true, seen("JANA", ShotSize.MS))),
                        List.of(new SpeakerWithoutSingle("5", "JANA"))),
                Arguments.of("a single from another setup counts",
                        with(take("5C", 1, true, true), take("5A", 1, true, true, seen("JANA", ShotSize.MCU))),
                        List.of()),
                Arguments.of("a circled take whose QC has not run yet is no QC problem",
                        with(new ShotTake("5", "5B", 1, true, false, true, List.of(seen("DANI", ShotSize.CU)), 0, true)),
                        List.of()),
                Arguments.of("someone unknown in frame spoils the single",
                        with(new ShotTake("5", "5C", 1, true, true, true, List.of(seen("JANA", ShotSize.CU)), 1, false)),
                        List.of(new SpeakerWithoutSingle("5", "JANA"))),
                Arguments.of("setups shot but not planned, ids compared ignoring case",
                        with(take("5c", 1, true, true, seen("JANA", ShotSize.CU)),
                                take("5X", 1, true, true), take("5X", 2, false, false),
                                new ShotTake("9", "9A", 1, true, true, List.of())),
                        List.of(new UnplannedSetup("5", "5X", List.of(1, 2)), new UnplannedSetup("9", "9A", List.of(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flags(String name, List<ShotTake> takes, List<CoverageFlag> expected) {
        List<CoverageFlag> flags = Coverage.evaluate(SCENES, SETUPS, takes).stream()
                .flatMap(s -> s.flags().stream()).toList();
        assertEquals(expected, flags);
    }

    @Test
    void sceneViewListsCoveredMissingAndTheSizesEachCharacterWasSeenAt() {
        List<ShotTake> takes = with(take("5C", 1, false, false, seen("JANA", ShotSize.CU)),
                take("5C", 2, false, false, seen("JANA", ShotSize.CU)));
        SceneCoverage five = Coverage.evaluate(SCENES, SETUPS, takes).get(0);
        assertEquals("5", five.scene());
        assertEquals(List.of("5A", "5B"), five.covered().stream().map(PlannedSetup::setup).toList());
        assertEquals(List.of("5C"), five.missing().stream().map(PlannedSetup::setup).toList());
        assertEquals(List.of(1, 2), five.setups().get(2).takes());
        assertEquals(List.of(), five.setups().get(2).usableTakes());
        assertEquals(List.of("JANA"), five.speakersWithoutSingle());
        assertEquals(List.of(
                        new SceneCoverage.CharacterCoverage("DANI", true, Set.of(ShotSize.WS, ShotSize.CU), true),
                        new SceneCoverage.CharacterCoverage("JANA", true, Set.of(ShotSize.WS), false)),
                five.characters());
    }

    @Test
    void singleSizesAreAParameter() {
        List<ShotTake> takes = with(take("5C", 1, true, true, seen("JANA", ShotSize.ECU)));
        assertEquals(List.of("JANA"), Coverage.evaluate(SCENES, SETUPS, takes).get(0).speakersWithoutSingle());
        assertEquals(List.of(), Coverage.evaluate(SCENES, SETUPS, takes,
                EnumSet.of(ShotSize.MCU, ShotSize.CU, ShotSize.ECU)).get(0).speakersWithoutSingle());
    }

    @Test
    void nothingShotOnlyForTheScenesOfTheDay() {
        List<ShotTake> none = List.of();
        List<CoverageFlag> all = Coverage.evaluate(SCENES, SETUPS, none, Coverage.SINGLE_SIZES, Set.of()).stream()
                .flatMap(s -> s.flags().stream()).filter(NothingShot.class::isInstance).toList();
        assertEquals(List.of(new NothingShot("5"), new NothingShot("3")), all);
        List<CoverageFlag> day = Coverage.evaluate(SCENES, SETUPS, none, Coverage.SINGLE_SIZES, Set.of("3")).stream()
                .flatMap(s -> s.flags().stream()).filter(NothingShot.class::isInstance).toList();
        assertEquals(List.of(new NothingShot("3")), day);
    }

    @Test
    void aTakeCannotBeCleanAndPending() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ShotTake("5", "5B", 1, true, true, true, List.of(), 0, true));
    }
}
