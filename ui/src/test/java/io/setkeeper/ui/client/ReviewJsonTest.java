package io.setkeeper.ui.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.viewmodel.FixRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fix and a decided fix as docs/api.md shows them, read into the station's records and rows. */
class ReviewJsonTest {
    private static final String FIX = """
            {"id": "fix-5c-3", "kind": "cdl", "modelVersion": "looks-v3",
             "target": {"clip": "A001C003", "reel": "A001", "scene": "5C", "take": "3", "circled": true,
                        "sourceIn": 100, "sourceOut": 220},
             "cdl": {"slope": [1.05, 1.0, 0.97], "offset": [0.01, 0.0, -0.01], "power": [1.0, 1.0, 1.02],
                     "saturation": 0.95},
             "reference": "scene 5 look",
             "verdict": {"kind": "FIXABLE_IN_POST", "reason": "colour difference 7.1 -> 1.3 after the CDL"},
             "evidence": ["still:fix-5c-3:before", "still:fix-5c-3:after"],
             "proposedBy": "machine", "proposedAt": "2026-11-22T03:00:00Z", "status": "PROPOSED"}""";

    @Test
    void aCdlFixShowsItsNumbersAndVerdict() {
        FixInfo f = ReviewJson.fix(Wire.parse(FIX).asJsonObject());
        assertEquals("1.05, 1.0, 0.97", f.numbers().get("cdl.slope"));
        assertEquals("0.01, 0.0, -0.01", f.numbers().get("cdl.offset"));
        assertEquals("0.95", f.numbers().get("cdl.saturation"));
        assertEquals("100 – 220", f.numbers().get("frames"));
        assertEquals(List.of("cdl.slope", "cdl.offset", "cdl.power", "cdl.saturation", "frames"),
                List.copyOf(f.numbers().keySet()), "only the fix's numbers, in order");
        assertTrue(!f.decided());
        FixRow row = FixRow.of(f);
        assertEquals("CDL", row.kind());
        assertEquals("scene 5C, take 3", row.shot());
        assertEquals("fixable in post", row.verdict());
        assertEquals("waiting", row.status());
        assertEquals("colour difference 7.1 -> 1.3 after the CDL", row.reason());
    }

    @Test
    void aDecidedFixShowsWhoDecidedAndWhy() {
        String decided = FIX.replace("\"status\": \"PROPOSED\"", """
                "status": "APPROVE", "decision": {"seq": 1, "subjectType": "FIX", "subjectId": "fix-5c-3",
                "decision": "APPROVE", "decidedBy": "Ana", "role": "DIT", "decidedAt": "2026-11-22T03:04:05Z",
                "reason": "matches 5A and 5B"}""");
        FixRow row = FixRow.of(ReviewJson.fix(Wire.parse(decided).asJsonObject()));
        assertEquals("approved", row.status());
        assertEquals("matches 5A and 5B (Ana, DIT)", row.reason());
        assertTrue(row.fix().decided());
    }
}
