package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.media.Rational;
import io.setkeeper.appliance.media.Timecodes;
import java.util.Optional;

/**
 * The timecode range a flag about a clip names in FlagRaised: the clip's start timecode and the start plus its
 * length in frames (duration x frame rate), out exclusive as in an EDL; drop-frame when the start is written with
 * {@code ;}. Empty when the clip has no start timecode, no frame rate or no duration, or they do not parse. Pure.
 */
public record TimecodeRange(String in, String out) {
    public static Optional<TimecodeRange> of(Clip clip) {
        if (clip.startTimecode().isEmpty() || clip.fps().isEmpty() || clip.durationSeconds().isEmpty()) {
            return Optional.empty();
        }
        try {
            Rational fps = Rational.parse(clip.fps().get());
            int num = (int) fps.num(), den = (int) fps.den();
            String start = clip.startTimecode().get().strip();
            long first = Timecodes.toFrames(start, num, den);
            long frames = Math.round(clip.durationSeconds().get() * fps.toDouble());
            if (frames <= 0) {
                return Optional.empty();
            }
            boolean drop = start.contains(";");
            return Optional.of(new TimecodeRange(Timecodes.fromFrames(first, num, den, drop),
                    Timecodes.fromFrames(first + frames, num, den, drop)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
