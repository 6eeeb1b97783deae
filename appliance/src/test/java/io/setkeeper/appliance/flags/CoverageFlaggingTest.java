package io.setkeeper.appliance.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.Slate;
import io.setkeeper.appliance.coverage.Coverage;
import io.setkeeper.appliance.coverage.CoverageBoard;
import io.setkeeper.appliance.coverage.ShotTake;
import io.setkeeper.appliance.coverage.TakeRecord;
import io.setkeeper.appliance.plan.FountainParser;
import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.Scene;
import io.setkeeper.appliance.plan.ShotListReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Coverage flags from a board (pure): kinds, stable ids as takes arrive, resolutions in words; timecode ranges. */
class CoverageFlaggingTest {
    private static final List<Scene> SCENES = FountainParser.parse("""
            INT. TRAINING ROOM - DAY #5#

            DANI
            Again.

            EXT. ROOF - DAY #3#

            JANA walks to the edge.
            """).scenes();
    private static final List<PlannedSetup> SETUPS = ShotListReader.read("""
            scene,setup,shot_size,subjects
            5,5A,WS,DANI
            5,5B,CU,DANI
            3,3A,WS,JANA
            """).setups();

    private static TakeRecord take(long clipId, String setup, int take, boolean circled, boolean qcClean) {
        ShotTake t = new ShotTake(setup.substring(0, 1), setup, take, circled, qcClean, List.of());
        return new TakeRecord(t, clipId, "clip" + clipId + ".mov", "SLATE", 1, qcClean ? "DONE" : "NONE",
                List.of(), null, null, Optional.empty(), List.of());
    }

    private static CoverageBoard board(List<String> day, TakeRecord... takes) {
        List<TakeRecord> all = List.of(takes);
        return new CoverageBoard("p", Instant.EPOCH, day, Coverage.evaluate(SCENES, SETUPS,
                all.stream().map(TakeRecord::take).toList(), Coverage.SINGLE_SIZES, Set.copyOf(day)), all, List.of());
    }

    private static Flag stored(CoverageFlagging.Raise r) {
        return new Flag(r.id(), "p", r.kind(), r.scene(), r.setup(), r.clipIds(), r.clips(), r.subject(), r.summary(),
                r.numbers(), null, List.of(), Instant.EPOCH, Instant.EPOCH, null, null);
    }

    @Test
    void nothingShotThenTakesArriveKeepTheSameIds() {
        List<CoverageFlagging.Raise> before = CoverageFlagging.of(board(List.of("5")));
        assertEquals(List.of("NOTHING_SHOT", "NO_USABLE_TAKE", "NO_USABLE_TAKE", "SPEAKER_WITHOUT_SINGLE",
                "NO_USABLE_TAKE"), before.stream().map(CoverageFlagging.Raise::kind).toList());
        CoverageFlagging.Raise noTake5B = before.get(2);
        assertEquals("5B", noTake5B.setup());
        assertTrue(noTake5B.summary().contains("planned and not shot"), noTake5B.summary());
        assertEquals(0.0, noTake5B.numbers().get("takesShot"));

        // an unusable take of 5B: still flagged, same id, now naming the take
        CoverageBoard one = board(List.of("5"), take(7, "5B", 1, false, false));
        CoverageFlagging.Raise again = CoverageFlagging.of(one).stream().filter(r -> r.subject().equals("setup 5B"))
                .findFirst().orElseThrow();
        assertEquals(noTake5B.id(), again.id());
        assertEquals(List.of("clip7.mov"), again.clips());
        assertTrue(again.summary().contains("no usable take (1 shot"), again.summary());
        assertFalse(CoverageFlagging.of(one).stream().anyMatch(r -> r.kind().equals("NOTHING_SHOT")));
        assertEquals("scene 5 has 1 take(s) now", CoverageFlagging.resolution(stored(before.getFirst()), one));

        // a circled take arrives: 5B no longer flagged, and the resolution says why
        CoverageBoard two = board(List.of("5"), take(7, "5B", 1, false, false), take(8, "5B", 2, true, false));
        assertFalse(CoverageFlagging.of(two).stream().anyMatch(r -> r.id().equals(noTake5B.id())));
        assertEquals("setup 5B has usable take(s) 2", CoverageFlagging.resolution(stored(noTake5B), two));
    }

    @Test
    void kindsAreDistinctAndIdsDifferBySubject() {
        List<CoverageFlagging.Raise> all = new ArrayList<>(CoverageFlagging.of(board(List.of(),
                take(9, "5Z", 1, true, true))));
        assertTrue(all.stream().anyMatch(r -> r.kind().equals("UNPLANNED_SETUP") && r.setup().equals("5Z")), all.toString());
        assertTrue(all.stream().anyMatch(r -> r.kind().equals("NOTHING_SHOT") && r.scene().equals("3")),
                "no day: every planned scene counts: " + all);
        assertEquals(all.size(), all.stream().map(CoverageFlagging.Raise::id).distinct().count());
        assertTrue(CoverageFlagging.KINDS.containsAll(all.stream().map(CoverageFlagging.Raise::kind).toList()));
        assertNotEquals(Flag.idOf("NO_USABLE_TAKE", "5", List.of(), "setup 5A"),
                Flag.idOf("NO_USABLE_TAKE", "5", List.of(), "setup 5B"));
        assertEquals("scene 4 is no longer in the plan", CoverageFlagging.resolution(new Flag("x", "p",
                "NOTHING_SHOT", "4", null, List.of(), List.of(), "scene 4", "s", Map.of(), null, List.of(),
                Instant.EPOCH, Instant.EPOCH, null, null), board(List.of())));
    }
}
