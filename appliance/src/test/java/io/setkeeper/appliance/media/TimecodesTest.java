package io.setkeeper.appliance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimecodesTest {

    @Test
    void nonDropFrameCountsPlainFrames() {
        assertEquals(86_400, Timecodes.toFrames("01:00:00:00", 24000, 1001));
        assertEquals(90_000, Timecodes.toFrames("01:00:00:00", 25, 1));
        assertEquals(10 * 3600 * 25 + 1, Timecodes.toFrames("10:00:00:01", 25, 1));
        assertEquals("01:00:01:16", Timecodes.fromFrames(86_400 + 40, 24000, 1001, false));
        assertEquals("00:00:00:00", Timecodes.fromFrames(24L * 3600 * 25, 25, 1, false), "wraps at 24 h");
        assertEquals("23:59:59:24", Timecodes.fromFrames(-1, 25, 1, false));
    }

    @Test
    void dropFrameSkipsTwoFrameNumbersEachMinuteExceptTenth() {
        assertEquals("00:00:59;29", Timecodes.fromFrames(1799, 30000, 1001, true));
        assertEquals("00:01:00;02", Timecodes.fromFrames(1800, 30000, 1001, true));
        assertEquals("00:10:00;00", Timecodes.fromFrames(17_982, 30000, 1001, true));
        assertEquals("01:00:00;00", Timecodes.fromFrames(107_892, 30000, 1001, true));
        assertEquals(1800, Timecodes.toFrames("00:01:00;02", 30000, 1001));
        assertEquals(107_892, Timecodes.toFrames("01:00:00;00", 30000, 1001));
        assertEquals("00:01:00;04", Timecodes.fromFrames(3600, 60000, 1001, true), "59.94 drops four");
    }

    @Test
    void dropFrameRoundTripsOverADay() {
        long day = Timecodes.toFrames("23:59:59;29", 30000, 1001) + 1;
        for (long f = 0; f < day; f += 997) {
            String tc = Timecodes.fromFrames(f, 30000, 1001, true);
            assertEquals(f, Timecodes.toFrames(tc, 30000, 1001), tc);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Timecodes.toFrames("01:00:00:24", 24, 1));
        assertThrows(IllegalArgumentException.class, () -> Timecodes.toFrames("01:00:00;00", 25, 1));
        assertThrows(IllegalArgumentException.class, () -> Timecodes.toFrames("1:0:0:0", 25, 1));
        assertThrows(IllegalArgumentException.class, () -> Timecodes.fromFrames(0, 0, 1, false));
    }

    @Test
    void parsesFfmpegTimecodeText() {
        Timecode df = Timecode.parse("00:59:59;20", "video-stream");
        assertTrue(df.dropFrame());
        assertEquals("00:59:59;20", df.text());
        Timecode dot = Timecode.parse("1:02:03.04", "container");
        assertTrue(dot.dropFrame());
        assertEquals("01:02:03;04", dot.text());
        Timecode ndf = Timecode.parse(" 19:26:48:04 ", "video-stream");
        assertFalse(ndf.dropFrame());
        assertEquals("19:26:48:04", ndf.text());
        assertNull(Timecode.parse("tomorrow", "container"));
        assertNull(Timecode.parse(null, "container"));
    }

    @Test
    void rationalIsReducedAndExact() {
        assertEquals(new Rational(24000, 1001), Rational.of(48000, 2002));
        assertEquals("30/1", Rational.parse("60/2").toString());
        assertEquals(new Rational(-1, 2), new Rational(1, -2));
        assertEquals(30, Rational.of(30000, 1001).roundedUp());
        assertThrows(IllegalArgumentException.class, () -> Rational.of(1, 0));
    }

    @Test
    void transferFunctionsFromFfmpegNames() {
        assertEquals(TransferFunction.PQ, TransferFunction.fromFfmpegName("smpte2084"));
        assertEquals(TransferFunction.HLG, TransferFunction.fromFfmpegName("arib-std-b67"));
        assertEquals(TransferFunction.SDR, TransferFunction.fromFfmpegName("bt709"));
        assertEquals(TransferFunction.SDR, TransferFunction.fromFfmpegName("smpte170m"));
        assertEquals(TransferFunction.UNKNOWN, TransferFunction.fromFfmpegName("unknown"));
        assertEquals(TransferFunction.UNKNOWN, TransferFunction.fromFfmpegName(null));
    }

    @Test
    void cameraTagsAreNormalised() {
        Map<String, String> tags = CameraTags.normalise(
                Map.of("com.apple.quicktime.make", "Apple", "com.apple.quicktime.model", "iPhone 15 Pro",
                        "creation_time", "2024-01-24T14:50:14.000000Z", "encoder", "Lavf60"),
                Map.of("encoder", "HEVC", "firmware", " "));
        assertEquals("Apple", tags.get("make"));
        assertEquals("iPhone 15 Pro", tags.get("model"));
        assertEquals("HEVC", tags.get("encoder"), "the picture stream's encoder wins over the muxer's");
        assertEquals("2024-01-24T14:50:14.000000Z", tags.get("creation_time"));
        assertFalse(tags.containsKey("firmware"), "blank values are dropped");
    }

    @Test
    void rotationIsNormalisedToPlusMinus180() {
        assertEquals(-90, FfmpegProbe.normaliseDegrees(270));
        assertEquals(-90, FfmpegProbe.normaliseDegrees(-90));
        assertEquals(180, FfmpegProbe.normaliseDegrees(-180));
        assertEquals(90, FfmpegProbe.normaliseDegrees(450));
        assertEquals(0, FfmpegProbe.normaliseDegrees(360));
    }
}
