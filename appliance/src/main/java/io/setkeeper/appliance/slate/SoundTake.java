package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.Timecode;
import java.util.Optional;

/**
 * A sound recording as the sound matcher sees it: its start timecode (at the recorder's timecode rate), its length
 * in samples at its sample rate, and the scene and take the mixer entered.
 *
 * @param samples    length in sample frames
 * @param sampleRate samples per second of real time
 */
public record SoundTake(String id, Timecode start, long samples, long sampleRate, Optional<String> scene,
                        Optional<String> take) {

    public SoundTake {
        if (samples < 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("bad length: " + samples + " samples at " + sampleRate + " Hz");
        }
    }

    /** The take of a read sound file, when it has a start timecode and a sample rate; id is the file name. */
    public static Optional<SoundTake> of(SoundFile file) {
        if (file.start().isEmpty() || file.format().isEmpty() || file.format().get().sampleRate() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new SoundTake(file.file().getFileName().toString(), file.start().get(), file.sampleCount(),
                file.format().get().sampleRate(), file.scene(), file.take()));
    }
}
