package io.setkeeper.protocol.interchange.edl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdlTimecodesTest {
    @Test
    void nonDropCountsEveryFrame() {
        assertEquals(86501, EdlTimecodes.parse("01:00:04:05", 24, false));
        assertEquals(90000 + 24, EdlTimecodes.parse("01:00:00:24", 25, false));
        assertEquals("01:00:04:05", EdlTimecodes.format(86501, 24, false));
    }

    @Test
    void dropFrameSkipsTwoNumbersEachMinuteButTheTenth() {
        assertEquals(1799, EdlTimecodes.parse("00:00:59;29", 30, true));
        assertEquals(1800, EdlTimecodes.parse("00:01:00;02", 30, true));
        assertEquals(17982, EdlTimecodes.parse("00:10:00;00", 30, true));
        assertEquals(107892, EdlTimecodes.parse("01:00:00;00", 30, true));
        assertEquals("00:01:00;02", EdlTimecodes.format(1800, 30, true));
        assertEquals("00:10:00;00", EdlTimecodes.format(17982, 30, true));
        assertEquals(215784, EdlTimecodes.parse("01:00:00;00", 60, true));
    }

    @Test
    void dropFrameFormatAndParseAreInverse() {
        for (long f = 0; f < 200_000; f += 7) {
            String tc = EdlTimecodes.format(f, 30, true);
            assertEquals(f, EdlTimecodes.parse(tc, 30, true), tc);
        }
        for (long f = 0; f < 100_000; f += 11) {
            assertEquals(f, EdlTimecodes.parse(EdlTimecodes.format(f, 25, false), 25, false));
        }
    }

    @Test
    void impossibleTimecodesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EdlTimecodes.parse("00:01:00;00", 30, true))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EdlTimecodes.parse("01:00:01:24", 24, false))
                .getMessage().contains("beyond 24 fps"));
        assertThrows(IllegalArgumentException.class, () -> EdlTimecodes.parse("01:60:00:00", 24, false));
        assertThrows(IllegalArgumentException.class, () -> EdlTimecodes.parse("1:00:00:00", 24, false));
        assertThrows(IllegalArgumentException.class, () -> EdlTimecodes.parse("01:00:00:0x", 24, false));
        assertThrows(IllegalArgumentException.class, () -> EdlTimecodes.dropPerMinute(25));
    }
}
