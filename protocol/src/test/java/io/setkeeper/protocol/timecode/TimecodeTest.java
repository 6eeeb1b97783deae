package io.setkeeper.protocol.timecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimecodeTest {

    private static final FrameRate DF30 = FrameRate.FPS_29_97_DF;
    private static final FrameRate DF60 = FrameRate.FPS_59_94_DF;

    @ParameterizedTest(name = "{0} = frame {1}")
    @CsvSource({
            "00:00:00;00, 0",
            "00:00:59;29, 1799",
            "00:01:00;02, 1800",
            "00:02:00;02, 3598",
            "00:09:59;29, 17981",
            "00:10:00;00, 17982",
            "00:10:00;01, 17983",
            "00:11:00;02, 19782",
            "01:00:00;00, 107892",
            "10:00:00;00, 1078920",
            "23:59:59;29, 2589407",
    })
    void knownDropFrameValues(String label, long frame) {
        Timecode tc = Timecode.parse(label, DF30);
        assertEquals(frame, tc.frame());
        assertEquals(label, Timecode.ofFrames(frame, DF30).format());
    }

    @Test
    void everyFrameOfADayRoundTripsAt2997DropFrame() {
        roundTripWholeDay(DF30, true);
    }

    @Test
    void everyFrameOfADayRoundTripsAt5994DropFrame() {
        roundTripWholeDay(DF60, false);
    }

    /**
     * Walks every label of 24 h in label order, skipping exactly the labels drop-frame skips: frame to label, label
     * fields to frame, and (when {@code viaText}) label text back to frame.
     */
    private static void roundTripWholeDay(FrameRate rate, boolean viaText) {
        int drop = rate.droppedPerMinute();
        long expected = 0;
        for (int h = 0; h < 24; h++) {
            for (int m = 0; m < 60; m++) {
                for (int s = 0; s < 60; s++) {
                    for (int f = 0; f < rate.nominal(); f++) {
                        if (s == 0 && f < drop && m % 10 != 0) {
                            continue;
                        }
                        Timecode tc = Timecode.ofFrames(expected, rate);
                        if (tc.hours() != h || tc.minutes() != m || tc.seconds() != s || tc.frames() != f) {
                            throw new AssertionError("frame " + expected + " shows " + tc.format() + " not "
                                    + h + ":" + m + ":" + s + ";" + f);
                        }
                        Timecode back = viaText ? Timecode.parse(tc.format(), rate) : Timecode.of(h, m, s, f, rate);
                        if (back.frame() != expected) {
                            throw new AssertionError(tc.format() + " parsed to " + back.frame() + " not " + expected);
                        }
                        expected++;
                    }
                }
            }
        }
        assertEquals(rate.framesPerDay(), expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:01:00;00", "00:01:00;01", "13:59:00;01"})
    void skippedLabelsDoNotExist(String label) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timecode.parse(label, DF30));
        assertTrue(e.getMessage().contains("drop-frame"), e.getMessage());
    }

    @Test
    void fourLabelsSkippedAt5994() {
        assertEquals(3600, Timecode.parse("00:01:00;04", DF60).frame());
        assertEquals(3599, Timecode.parse("00:00:59;59", DF60).frame());
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:01:00;03", DF60));
    }

    @Test
    void separatorDecidesCountingAtRatesThatCanDrop() {
        Timecode ndf = Timecode.parse("00:01:00:02", DF30);
        assertEquals(1802, ndf.frame());
        assertEquals(FrameRate.FPS_29_97_NDF, ndf.rate());
        Timecode df = Timecode.parse("00:01:00;02", FrameRate.FPS_29_97_NDF);
        assertEquals(1800, df.frame());
        assertEquals(DF30, df.rate());
        assertEquals(1800, Timecode.parse("00:01:00.02", DF30).frame());
        assertEquals(1800, Timecode.parse("00.01.00.02", DF30).frame(), "all dots follow the rate");
        assertEquals(1802, Timecode.parse("00.01.00.02", FrameRate.FPS_29_97_NDF).frame());
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("01:00:00;00", FrameRate.FPS_25));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1:2:3:4", "24:00:00:00", "10:60:00:00", "10:00:60:00", "10:00:00:25", "aa:bb:cc:dd",
            "10:00:00", "10:00:00:00:00"})
    void rejectsBadLabelsClearly(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timecode.parse(text, FrameRate.FPS_25));
        assertTrue(e.getMessage().contains("timecode"), e.getMessage());
    }

    @Test
    void nonDropFrameArithmetic() {
        Timecode tc = Timecode.parse("10:00:02:17", FrameRate.of(30));
        assertEquals((10 * 3600 + 2) * 30 + 17, tc.frame());
        assertEquals("10:00:03:00", tc.plus(13).format());
        assertEquals("10:00:02:16", tc.plus(-1).format());
        assertEquals("00:00:00:00", Timecode.parse("23:59:59:24", FrameRate.FPS_25).plus(1).format());
    }

    @Test
    void aTakeCrossingMidnightWraps() {
        FrameRate pal = FrameRate.FPS_25;
        Timecode start = Timecode.parse("23:58:30:00", pal);
        Timecode end = start.plus(3 * 60 * 25);
        assertEquals("00:01:30:00", end.format());
        assertEquals(3 * 60 * 25, start.framesUntil(end));
        assertTrue(end.compareTo(start) < 0, "labels order by frame count, not by take");
        assertEquals(start, end.plus(-3 * 60 * 25));
    }

    @Test
    void dropFrameArithmeticCrossesSkippedLabels() {
        assertEquals("00:01:00;02", Timecode.parse("00:00:59;29", DF30).plus(1).format());
        assertEquals("00:00:59;29", Timecode.parse("00:01:00;02", DF30).plus(-1).format());
        assertEquals("00:10:00;00", Timecode.parse("00:09:59;29", DF30).plus(1).format());
    }

    @Test
    void compareNeedsTheSameRate() {
        Timecode a = Timecode.parse("01:00:00:00", FrameRate.FPS_25);
        Timecode b = Timecode.parse("01:00:00:01", FrameRate.FPS_25);
        assertTrue(a.compareTo(b) < 0);
        assertThrows(IllegalArgumentException.class, () -> a.compareTo(Timecode.parse("01:00:00:00", FrameRate.FPS_24)));
    }

    @Test
    void broadcastWavTimeReferenceAt23976NeedsPullDown() {
        // Sound Devices 702T, A101_1.WAV: bext TimeReference 2190940753 at 48 kHz; sound report: 12:39:59:00.
        Timecode tc = Timecode.fromSamples(2_190_940_753L, 48_000, FrameRate.FPS_23_976);
        assertEquals("12:39:59:00", tc.format());
        // the same samples read as if 24 fps meant 24 frames of real seconds: 48000 samples per TC second
        assertEquals("12:40:44:14", Timecode.fromSamples(2_190_940_753L, 48_000, FrameRate.FPS_24).format());
        // 48048 samples per timecode second is what 23.976 means
        assertEquals(2_190_940_753L / 48_048, tc.frame() / 24);
        assertEquals(2_190_940_752L, tc.toSamples(48_000));
    }

    @Test
    void sampleConversionAt25() {
        // Metacorder Sr001-001-06: 2350375830 samples at 48 kHz, 25 fps -> 13:36:06:04 in the sound report
        assertEquals("13:36:06:04", Timecode.fromSamples(2_350_375_830L, 48_000, FrameRate.FPS_25).format());
        Timecode tc = Timecode.parse("13:36:06:04", FrameRate.FPS_25);
        assertEquals(tc, Timecode.fromSamples(tc.toSamples(48_000), 48_000, FrameRate.FPS_25));
        assertEquals(tc, Timecode.fromSamples(tc.toSamples(48_000) + 86_400L * 48_000, 48_000, FrameRate.FPS_25),
                "a day later wraps to the same label");
        assertThrows(IllegalArgumentException.class, () -> Timecode.fromSamples(-1, 48_000, FrameRate.FPS_25));
    }

    @Test
    void validatesRange() {
        assertThrows(IllegalArgumentException.class, () -> new Timecode(-1, FrameRate.FPS_25));
        assertThrows(IllegalArgumentException.class, () -> new Timecode(2_160_000, FrameRate.FPS_25));
        assertEquals("23:59:59:24", Timecode.ofFrames(-1, FrameRate.FPS_25).format());
    }

    /** Cases of the media (appliance Timecodes) and EDL copies of this arithmetic, which now delegate here. */
    @Test
    void casesFromTheMediaAndEdlTimecodeHelpers() {
        assertEquals(86_400, Timecode.parse("01:00:00:00", FrameRate.FPS_23_976).frame());
        assertEquals(86_501, Timecode.parse("01:00:04:05", FrameRate.FPS_24).frame());
        assertEquals(90_000 + 24, Timecode.parse("01:00:00:24", FrameRate.FPS_25).frame());
        assertEquals("01:00:01:16", Timecode.ofFrames(86_400 + 40, FrameRate.FPS_23_976).format());
        assertEquals("00:00:00:00", Timecode.ofFrames(24L * 3600 * 25, FrameRate.FPS_25).format());
        assertEquals("23:59:59:24", Timecode.ofFrames(-1, FrameRate.FPS_25).format());
        assertEquals("00:01:00;04", Timecode.ofFrames(3600, DF60).format());
        assertEquals(215_784, Timecode.parse("01:00:00;00", DF60).frame());
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("01:00:00:24", FrameRate.FPS_24));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("01:00:00;00", FrameRate.FPS_25));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("01:60:00:00", FrameRate.FPS_24));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("01:00:00:0x", FrameRate.FPS_24));
        for (long f = 0; f < 100_000; f += 11) {
            assertEquals(f, Timecode.parse(Timecode.ofFrames(f, FrameRate.FPS_25).format(), FrameRate.FPS_25).frame());
        }
    }
}
