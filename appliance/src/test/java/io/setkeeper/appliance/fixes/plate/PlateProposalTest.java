package io.setkeeper.appliance.fixes.plate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.model.Plates;
import io.setkeeper.appliance.review.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plate verdict (no plate, too many holes, fixable) and the plate-over-still and hole-mask images. */
class PlateProposalTest {
    private static Optional<Plates.Summary> plate(double holes) {
        return Optional.of(new Plates.Summary("9A", 480, 360, 4, 80, holes));
    }

    @Test
    void verdicts() {
        Verdict none = PlateProposal.verdict("9A", Optional.empty(), PlateProposal.MAX_HOLES);
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, none.kind());
        assertTrue(none.reason().startsWith("no clean plate exists for setup 9A"), none.reason());
        Verdict holey = PlateProposal.verdict("9A", plate(0.05), PlateProposal.MAX_HOLES);
        assertEquals(Verdict.Kind.RESHOOT_ADVISED, holey.kind());
        assertTrue(holey.reason().startsWith("holes cover 5.00% of the plate of setup 9A (limit 2.0%)"), holey.reason());
        Verdict ok = PlateProposal.verdict("9A", plate(0.001), PlateProposal.MAX_HOLES);
        assertEquals(Verdict.Kind.FIXABLE_IN_POST, ok.kind());
        assertEquals("clean plate of setup 9A from 4 take(s), 80 frames; holes 0.10% of the plate (limit 2.0%)",
                ok.reason());
        assertEquals(Verdict.Kind.FIXABLE_IN_POST, PlateProposal.verdict("9A", plate(0.02), 0.02).kind(),
                "the limit itself is still fixable");
    }

    @Test
    void theStillShowsThroughTheHolesAndTheMaskMarksThem() {
        // a 2x1 plate: a red pixel and a hole; a 4x2 still, blue-ish everywhere
        byte[] rgba = {(byte) 200, 10, 20, (byte) 255, 0, 0, 0, 0};
        Plates.Image plate = new Plates.Image(2, 1, rgba, new byte[] {9, 0});
        byte[] bgr = new byte[4 * 2 * 3];
        for (int p = 0; p < 8; p++) {
            bgr[p * 3] = (byte) 180;
            bgr[p * 3 + 1] = 50;
            bgr[p * 3 + 2] = (byte) p;
        }
        Frame over = PlateProposal.over(plate, new Frame(4, 2, bgr, 7));
        assertEquals(2, over.width());
        assertArrayEquals(new byte[] {20, 10, (byte) 200, (byte) 180, 50, 2}, over.bgr(),
                "plate pixel as BGR, then the still's pixel (2, 0) at the hole");
        assertArrayEquals(new byte[] {0, (byte) 255}, PlateProposal.holes(plate));
    }
}
