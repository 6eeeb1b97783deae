package io.setkeeper.appliance.analysis.perception.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.ClipAnalysis;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.SlateRead;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.TestPerception;
import io.setkeeper.appliance.media.FrameSource;
import io.setkeeper.appliance.media.FrameWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slate search's skip of candidates that are the same picture as one that read nothing, through
 * {@link ClipAnalysis#run}: a locked-off shot (one real 1080p frame held, written as ProRes at 2 fps) reads its
 * first candidate only, and a board that enters the held shot at the last head candidate is still read.
 */
class SlateSkipDataTest {
    private static final SlateDetailDataTest.Board BOARD = new SlateDetailDataTest.Board(
            "footage/h264/VID_1920x1080_cabac_temporal_direct.264", SlateRenderer.Layout.CARD, 0.10, 0, "12B", "7",
            "A004", 0.4, 0.5);

    @Test
    void aHeldShotIsReadOnceAndABoardEnteringItIsStillRead(@TempDir Path dir) throws Exception {
        Frame bg = SlateDetailDataTest.fullFrame(TestData.file(BOARD.clip()), 0);
        List<Frame> held = new ArrayList<>();
        List<Frame> entering = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // 4 s at 2 fps: head candidates 0-3, tail 4-7
            held.add(bg);
            entering.add(i == 3 ? BOARD.drawn(bg).getFirst() : bg);
        }
        FrameWriter.writeProres(dir.resolve("held.mov"), held, 2);
        FrameWriter.writeProres(dir.resolve("entering.mov"), entering, 2);
        try (Perception p = TestPerception.open()) {
            ClipAnalysis.Result still = ClipAnalysis.run(dir.resolve("held.mov"), FrameSource.Options.defaults(), p,
                    1e-3, n -> { });
            System.out.println("held shot: " + still.slateReads() + " read, " + still.slateSkipped() + " skipped");
            assertTrue(still.slate().isEmpty(), "no slate in the held shot: " + still.slate());
            assertEquals(1, still.slateReads(), "the held shot's candidates are one picture");
            assertEquals(7, still.slateSkipped());

            ClipAnalysis.Result board = ClipAnalysis.run(dir.resolve("entering.mov"), FrameSource.Options.defaults(),
                    p, 1e-3, n -> { });
            System.out.println("board entering: " + board.slateReads() + " read, " + board.slateSkipped() + " skipped, "
                    + board.slate().map(SlateRead::text));
            assertTrue(board.slate().isPresent() && BOARD.exact(board.slate().get().text()),
                    "the board entering at frame 3 is read: " + board.slate());
            assertEquals(3, board.slate().get().frameIndex());
            assertEquals(2, board.slateReads(), "frame 0 read, 1-2 skipped, 3 read (complete: the search ends)");
            assertEquals(2, board.slateSkipped());
        }
    }
}
