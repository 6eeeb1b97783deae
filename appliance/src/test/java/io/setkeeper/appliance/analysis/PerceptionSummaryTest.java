package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceptionSummaryTest {
    private static FramePerception frame(long pts, PersonMask mask) {
        return new FramePerception(pts, List.of(), List.of(), mask);
    }

    @Test
    void meanPersonCoverageIsOverTheFramesThatHaveAMask() {
        PerceptionSummary s = new PerceptionSummary();
        s.add(frame(0, new PersonMask(2, 2, new byte[] {1, 1, 0, 0})));
        s.add(frame(500_000, PersonMask.empty(2, 2)));
        s.add(frame(1_000_000, null)); // not measured: neither 0 nor counted
        assertEquals(0.25, s.json().getJsonNumber("meanPersonCoverage").doubleValue(), 1e-9);
        assertEquals(3, s.frames());
        assertEquals(List.of(0.5, 0.0, -1.0), s.perFrame().stream().map(PerceptionSummary.FrameObjects::personCoverage).toList());
    }

    @Test
    void noMaskAtAllGivesZero() {
        PerceptionSummary s = new PerceptionSummary();
        s.add(frame(0, null));
        assertEquals(0.0, s.json().getJsonNumber("meanPersonCoverage").doubleValue());
    }
}
