package io.setkeeper.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The station's number formats and the offload's overall progress. */
class FormatsTest {
    @Test
    void bytesAndRates() {
        assertEquals("999 B", Formats.bytes(999));
        assertEquals("8.5 MB", Formats.bytes(8_478_910));
        assertEquals("412 MB/s", Formats.rate(412_000_000));
        assertEquals("1.5 TB", Formats.bytes(1_500_000_000_000L));
        assertEquals("", Formats.rate(0));
    }

    @Test
    void timeLeft() {
        assertEquals("", Formats.eta(OptionalLong.empty()));
        assertEquals("under a second left", Formats.eta(OptionalLong.of(0)));
        assertEquals("4:05 left", Formats.eta(OptionalLong.of(245)));
        assertEquals("1:02:03 left", Formats.eta(OptionalLong.of(3723)));
    }

    @Test
    void overallProgressRunsThroughThePhasesOnce() {
        assertEquals(0.25, Formats.overall("COPYING", 0.5), 1e-9);
        assertEquals(0.5, Formats.overall("VERIFYING", 0), 1e-9);
        assertEquals(0.95, Formats.overall("VERIFYING", 1), 1e-9);
        assertEquals(1.0, Formats.overall("SEALING", 1), 1e-9);
        assertEquals(1.0, Formats.overall("DONE", 0), 1e-9);
        assertEquals(0.0, Formats.overall("QUEUED", 0.7), 1e-9);
        assertEquals(0.5, Formats.overall("COPYING", 3.0), 1e-9);
    }

    @Test
    void destinationsOneALineOrSemicolons() {
        assertEquals(List.of("/raid/A001", "/mnt/shuttle/A001", "/x"),
                Formats.destinations(" /raid/A001\n\n/mnt/shuttle/A001 ;/x;"));
        assertEquals(List.of(), Formats.destinations(null));
    }

    @Test
    void frameRatesAndCounts() {
        assertEquals("23.976", Formats.fps("24000/1001"));
        assertEquals("25", Formats.fps("25/1"));
        assertEquals("29.97", Formats.fps("30000/1001"));
        assertEquals("50", Formats.fps("50"));
        assertEquals("0/0", Formats.fps("0/0"));
        assertEquals("n/a", Formats.fps("n/a"));
        assertEquals("1 card", Formats.count(1, "card"));
        assertEquals("3 clips", Formats.count(3, "clip"));
    }
}
