package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoundMatcherTest {

    private static final FrameRate R23 = FrameRate.FPS_23_976;
    private static final FrameRate R25 = FrameRate.FPS_25;

    private static PictureTake picture(String id, String tc, FrameRate rate, long frames, String scene, String take) {
        return new PictureTake(id, Timecode.parse(tc, rate), frames, Optional.ofNullable(scene), Optional.ofNullable(take));
    }

    private static SoundTake sound(String id, String tc, FrameRate rate, long samples, String scene, String take) {
        return new SoundTake(id, Timecode.parse(tc, rate), samples, 48_000, Optional.ofNullable(scene), Optional.ofNullable(take));
    }

    @Test
    void overlapAndAgreeingSlateIsAMatch() {
        SoundMatches m = SoundMatcher.match(
                List.of(picture("A001C001", "10:00:05:00", R25, 10 * 25, "5B", "1")),
                List.of(sound("5B-1.wav", "10:00:00:00", R25, 48_000L * 20, "5b", "01")));
        assertEquals(List.of(new SoundMatches.Match("A001C001", "5B-1.wav", Duration.ofSeconds(10), SoundMatches.Slate.AGREES)),
                m.matches());
        assertEquals(List.of(), m.disagreements());
    }

    @Test
    void overlapWithADifferentTakeIsAMatchAndADisagreement() {
        SoundMatches m = SoundMatcher.match(
                List.of(picture("A001C002", "10:00:05:00", R25, 50, "5B", "2")),
                List.of(sound("5B-1.wav", "10:00:06:00", R25, 48_000L, "5B", "1")));
        assertEquals(SoundMatches.Slate.DIFFERS, m.matches().getFirst().slate());
        SoundMatches.SlateDiffers d = assertInstanceOf(SoundMatches.SlateDiffers.class, m.disagreements().getFirst());
        assertEquals("5B/2", d.pictureSlate());
        assertEquals("5B/1", d.soundSlate());
        assertEquals(Duration.ofSeconds(1), d.overlap());
    }

    @Test
    void sameSlateButApartInTimeIsADisagreementNotAMatch() {
        SoundMatches m = SoundMatcher.match(
                List.of(picture("A001C003", "11:00:00:00", R25, 250, "5C", "3")),
                List.of(sound("5C-3.wav", "11:01:00:00", R25, 48_000L * 5, "5C", "3")));
        assertEquals(List.of(), m.matches());
        SoundMatches.TimecodeApart d = assertInstanceOf(SoundMatches.TimecodeApart.class, m.disagreements().getFirst());
        assertEquals(Duration.ofSeconds(50), d.gap());
        assertEquals("5C/3", d.slate());
    }

    @Test
    void unrelatedTakesProduceNothing() {
        SoundMatches m = SoundMatcher.match(
                List.of(picture("P", "11:00:00:00", R25, 250, "1", "1")),
                List.of(sound("S", "12:00:00:00", R25, 48_000L, "2", "1"), sound("W", "13:00:00:00", R25, 48_000L, null, null)));
        assertEquals(List.of(), m.matches());
        assertEquals(List.of(), m.disagreements());
    }

    @Test
    void missingSlateIsUnknownNotADisagreement() {
        SoundMatches m = SoundMatcher.match(
                List.of(picture("P", "11:00:00:00", R25, 250, "1", null)),
                List.of(sound("S", "11:00:01:00", R25, 48_000L, "1", "4")));
        assertEquals(SoundMatches.Slate.UNKNOWN, m.matches().getFirst().slate());
        assertEquals(List.of(), m.disagreements());
    }

    /**
     * 48044 samples at 23.976 is 23.998 timecode frames: a take at 12:40:14:00 of that length ends before 12:40:15:00.
     * Read as 48000 samples per timecode second it would run 24.02 frames and overlap the next take.
     */
    @Test
    void pullDownDecidesWhetherAdjacentTakesTouch() {
        List<PictureTake> pictures = List.of(
                picture("take4", "12:40:15:00", R23, 72, "A101", "4"));
        SoundMatches m = SoundMatcher.match(pictures, List.of(sound("A101_3.WAV", "12:40:14:00", R23, 48_044, "A101", "3")));
        assertEquals(List.of(), m.matches());
        SoundMatches tooLong = SoundMatcher.match(pictures, List.of(sound("long", "12:40:14:00", R23, 48_049, "A101", "3")));
        assertEquals(1, tooLong.matches().size(), "one sample past 48048 reaches the next take");
        assertEquals(Duration.ofNanos(1_000_000_000L / 48_048), tooLong.matches().getFirst().overlap());
    }

    @Test
    void spansCrossingMidnightOverlapTakesAfterIt() {
        SoundMatches m = SoundMatcher.match(
                List.of(picture("after", "00:00:10:00", R25, 250, "9", "1")),
                List.of(sound("night.wav", "23:59:50:00", R25, 48_000L * 30, "9", "1")));
        assertEquals(Duration.ofSeconds(10), m.matches().getFirst().overlap());
        SoundMatches before = SoundMatcher.match(
                List.of(picture("before", "23:59:55:00", R25, 250, "9", "1")),
                List.of(sound("late.wav", "00:00:02:00", R25, 48_000L * 5, "9", "1")));
        assertEquals(Duration.ofSeconds(3), before.matches().getFirst().overlap());
    }

    @Test
    void dropFrameLabelsAreComparedAsLabels() {
        FrameRate df = FrameRate.FPS_29_97_DF;
        // 00:00:59;29 + 1 frame = 00:01:00;02: a one-frame picture there overlaps a sound starting at 00:01:00;02
        SoundMatches m = SoundMatcher.match(
                List.of(picture("p", "00:00:59;28", df, 2, "1", "1")),
                List.of(new SoundTake("s", Timecode.parse("00:01:00;02", df), 48_000, 48_000, Optional.of("1"), Optional.of("1"))));
        assertEquals(List.of(), m.matches(), "the picture ends at the label 00:01:00;02 where the sound starts");
        SoundMatches m3 = SoundMatcher.match(
                List.of(picture("p", "00:00:59;28", df, 3, "1", "1")),
                List.of(new SoundTake("s", Timecode.parse("00:01:00;02", df), 48_000, 48_000, Optional.of("1"), Optional.of("1"))));
        assertEquals(1, m3.matches().size());
        assertEquals(1_000_000_000.0 / 30, m3.matches().getFirst().overlap().toNanos(), 1.0, "one frame, to the nanosecond");
    }

    @Test
    void slateNormalisation() {
        assertEquals("5B", SoundMatcher.normal(" 05b "));
        assertEquals("1", SoundMatcher.normal("001"));
        assertEquals("A101", SoundMatcher.normal("A101"));
        assertEquals("SCENE12AG", SoundMatcher.normal("Scene_1_2AG"));
        assertEquals(SoundMatches.Slate.DIFFERS, SoundMatcher.compare(Optional.of("1"), Optional.empty(), Optional.of("2"), Optional.of("1")));
        assertTrue(SoundMatcher.compare(Optional.of("1"), Optional.of("1"), Optional.of("001"), Optional.of("01")) == SoundMatches.Slate.AGREES);
    }
}
