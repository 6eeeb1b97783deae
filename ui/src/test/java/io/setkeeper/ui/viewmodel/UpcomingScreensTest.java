package io.setkeeper.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.client.CoverageBoard;
import io.setkeeper.ui.client.FlagInfo;
import io.setkeeper.ui.client.UpcomingJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The flags inbox and coverage board view models on JSON fixtures written from issue 8's text (see
 * {@code fixtures/README.md}: not recorded answers; those APIs are being built), read by the client's tolerant
 * parser, and their "not available" state without an appliance answer.
 */
class UpcomingScreensTest {
    private static String fixture(String name) throws IOException {
        try (InputStream in = UpcomingScreensTest.class.getResourceAsStream("/io/setkeeper/ui/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void flagsAreReadTolerantlyAndTheInboxFollowsEvents() throws Exception {
        List<FlagInfo> flags = UpcomingJson.flags(fixture("flags.json"));
        assertEquals(2, flags.size());
        FlagInfo prop = flags.getFirst();
        assertEquals(List.of("A001C003", "A001C005"), prop.clips());
        assertEquals("0.41", prop.numbers().get("similarity"));
        assertEquals("112, 96", prop.numbers().get("frames"));
        FlagInfo soft = flags.get(1);
        assertEquals("SOFT_FOCUS", soft.kind(), "type is read as kind");
        assertEquals(List.of("A001C004"), soft.clips(), "a clip given as an object");
        assertEquals(List.of("/api/clips/4/stills/frame-48.jpg"), soft.evidence());
        assertEquals("21.3", soft.numbers().get("sharpness"), "metrics read as numbers");

        try (Async async = Async.direct()) {
            FlagsViewModel vm = new FlagsViewModel(new ConnectionViewModel(async), async);
            vm.show(Optional.of(flags), "absent");
            assertTrue(vm.available().get());
            assertEquals("2 flags, 1 open.", vm.message().get());
            assertEquals("continuity prop", vm.flags().getFirst().kind());
            vm.selected().set(vm.flags().getFirst());
            assertTrue(vm.numbers().contains(new DetailLine("Why",
                    "the cup is in the left hand in take 3, in the right hand in take 5")), vm.numbers().toString());
            assertFalse(vm.canDecide().get(), "no token: no decision");

            vm.receive(UpcomingJson.flagEvent(fixture("flag-event.json")));
            assertEquals("flag-19", vm.flags().getFirst().id(), "a new flag arrives on top");
            assertEquals("3 flags, 2 open.", vm.message().get());
            vm.receive(new FlagInfo("flag-19", "WARDROBE", Optional.of("6"), List.of(), java.util.Map.of(),
                    List.of(), "REJECT", Optional.empty()));
            assertEquals(3, vm.flags().size(), "the same flag again is replaced, not added");
            assertEquals("reject", vm.flags().getFirst().state());

            vm.show(Optional.empty(), "Flags inbox: not available from this appliance yet.");
            assertFalse(vm.available().get());
            assertTrue(vm.flags().isEmpty());
        }
    }

    @Test
    void coverageBoardColoursSetupsAndListsWhatIsLeftBeforeWrap() throws Exception {
        CoverageBoard board = UpcomingJson.coverage(fixture("coverage.json"));
        List<CoverageViewModel.Row> scenes = CoverageViewModel.sceneRows(board);
        assertEquals(List.of("Scene 5", "Scene 6"), scenes.stream().map(CoverageViewModel.Row::name).toList());
        assertEquals(List.of("COVERED", "FLAGGED", "MISSING"), scenes.getFirst().cells().stream()
                .map(CoverageCell::state).toList(), "states upper-cased whatever the case");
        assertEquals("5A\ntakes 1, 2, 3\ncovered", scenes.getFirst().cells().getFirst().text());
        assertEquals("6A", scenes.get(1).cells().getFirst().label(), "id read as setup");
        assertEquals("5C\nno take\nmissing", scenes.getFirst().cells().get(2).text());

        List<CoverageViewModel.Row> characters = CoverageViewModel.characterRows(board);
        assertEquals(List.of("COVERED", "COVERED", "MISSING"), characters.getFirst().cells().stream()
                .map(CoverageCell::state).toList());
        assertEquals(List.of("COVERED", "FLAGGED", "MISSING"), characters.get(1).cells().stream()
                .map(CoverageCell::state).toList(), "a shot size without a state is missing");

        assertEquals(List.of("Scene 5, setup 5B: flagged", "Scene 5, setup 5C: missing"),
                CoverageViewModel.beforeWrap(board), "derived when the appliance sends none");

        try (Async async = Async.direct()) {
            CoverageViewModel vm = new CoverageViewModel(new ConnectionViewModel(async), async);
            vm.show(Optional.of(board), "absent");
            assertEquals("4 planned setups: 2 covered, 1 missing, 1 flagged.", vm.message().get());
            assertEquals(List.of("WIDE", "MEDIUM", "CLOSE"), vm.shotSizes());
            vm.show(Optional.empty(), "Coverage board: not available from this appliance yet.");
            assertFalse(vm.available().get());
            assertTrue(vm.scenes().isEmpty() && vm.beforeWrap().isEmpty());
        }
    }
}
