package io.setkeeper.appliance.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.Slate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The timecode range FlagRaised carries for a clip: start timecode + frames, or nothing when unknown. */
class TimecodeRangeTest {
    private static Clip clip(String tc, String fps, Double seconds) {
        return new Clip(1, "p", "c", "A001/a.mov", "a.mov", Path.of("a.mov"), "VIDEO", Clip.Status.PROBED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(tc),
                Optional.ofNullable(fps), Optional.empty(), Optional.empty(), Optional.ofNullable(seconds), Slate.NONE,
                "{}", Instant.EPOCH);
    }

    @Test
    void startPlusFrames() {
        assertEquals(Optional.of(new TimecodeRange("10:00:00:00", "10:00:02:17")),
                TimecodeRange.of(clip("10:00:00:00", "30/1", 77 / 30.0)));
        assertEquals(Optional.of(new TimecodeRange("01:00:59:20", "01:01:00:05")),
                TimecodeRange.of(clip("01:00:59:20", "25", 0.4)), "10 frames at 25 fps across a minute");
        assertEquals(Optional.of(new TimecodeRange("00:00:59;28", "00:01:00;04")),
                TimecodeRange.of(clip("00:00:59;28", "30000/1001", 4 * 1001 / 30000.0)), "drop-frame skips ;00 and ;01");
    }

    @Test
    void unknownWhenAnythingIsMissingOrUnreadable() {
        assertEquals(Optional.empty(), TimecodeRange.of(clip(null, "25", 2.0)));
        assertEquals(Optional.empty(), TimecodeRange.of(clip("10:00:00:00", null, 2.0)));
        assertEquals(Optional.empty(), TimecodeRange.of(clip("10:00:00:00", "25", null)));
        assertEquals(Optional.empty(), TimecodeRange.of(clip("ten o'clock", "25", 2.0)));
        assertEquals(Optional.empty(), TimecodeRange.of(clip("10:00:00:00", "25", 0.0)));
    }
}
