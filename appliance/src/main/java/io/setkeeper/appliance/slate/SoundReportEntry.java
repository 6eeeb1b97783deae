package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a sound report (the CSV a recorder or WaveAgent exports for the sound roll): file, slate, rate and
 * start timecode of one recording. The columns the reader does not use are kept in {@link #extra()} (track names
 * T1..Tn, Wild, User, ...).
 *
 * @param fileName  as written; {@code _X} before the extension stands for a set of mono files ({@code A101_1_X.WAV})
 * @param frameRate the Frame Rate column ({@code 23.97 ND}, {@code 25 ND}), empty when blank or unreadable
 * @param length    the Length column (HH:MM:SS), empty when blank or unreadable
 * @param start     the Start TC column at frameRate, empty without a rate or when unreadable
 */
public record SoundReportEntry(int line, String fileName, Optional<String> tape, Optional<String> scene,
                               Optional<String> take, Optional<Long> sampleRate, Optional<FrameRate> frameRate,
                               Optional<Duration> length, Optional<Timecode> start, boolean circled,
                               Optional<String> notes, Map<String, String> extra) {

    public SoundReportEntry {
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
