package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.FrameRate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides a sound file's timecode rate from what recorders write: iXML {@code TIMECODE_RATE} with
 * {@code TIMECODE_FLAG} (DF/NDF), else the bext description's {@code SPEED} ({@code 023.976-ND}, {@code 25.000ND}),
 * else iXML {@code MASTER_SPEED}.
 */
final class TimecodeRate {

    private TimecodeRate() {
    }

    static Optional<FrameRate> of(SoundFile f, List<Problem> problems) {
        Optional<String> flag = f.ixml().flatMap(x -> x.speedField("TIMECODE_FLAG")).map(s -> s.strip().toUpperCase(Locale.ROOT));
        Optional<String> ixmlRate = f.ixml().flatMap(x -> x.speedField("TIMECODE_RATE"));
        if (ixmlRate.isPresent()) {
            Optional<FrameRate> rate = parse(ixmlRate.get(), "iXML TIMECODE_RATE", problems);
            if (rate.isPresent()) {
                return Optional.of(withFlag(rate.get(), flag, problems));
            }
        }
        Optional<String> speed = f.bext().map(b -> b.descriptionFields().get("SPEED")).filter(s -> !s.isBlank());
        if (speed.isPresent()) {
            Optional<FrameRate> rate = parse(speed.get(), "bext SPEED", problems);
            if (rate.isPresent()) {
                return rate;
            }
        }
        Optional<String> master = f.ixml().flatMap(x -> x.speedField("MASTER_SPEED"));
        if (master.isPresent()) {
            Optional<FrameRate> rate = parse(master.get(), "iXML MASTER_SPEED", problems);
            if (rate.isPresent()) {
                return Optional.of(withFlag(rate.get(), flag, problems));
            }
        }
        problems.add(Problem.ofFile("no timecode rate (iXML TIMECODE_RATE, bext SPEED): start timecode unknown"));
        return Optional.empty();
    }

    private static FrameRate withFlag(FrameRate rate, Optional<String> flag, List<Problem> problems) {
        if (flag.isEmpty() || !rate.canDropFrame()) {
            if (flag.filter("DF"::equals).isPresent()) {
                problems.add(Problem.ofFile("TIMECODE_FLAG DF at " + rate + ", which cannot drop frames: ignored"));
            }
            return rate;
        }
        return switch (flag.get()) {
            case "DF" -> rate.withDropFrame(true);
            case "NDF" -> rate.withDropFrame(false);
            default -> {
                problems.add(Problem.ofFile("TIMECODE_FLAG '" + flag.get() + "' is neither DF nor NDF: " + rate + " used"));
                yield rate;
            }
        };
    }

    private static Optional<FrameRate> parse(String text, String source, List<Problem> problems) {
        try {
            return Optional.of(FrameRate.parse(text));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.ofFile(source + ": " + e.getMessage()));
            return Optional.empty();
        }
    }
}
