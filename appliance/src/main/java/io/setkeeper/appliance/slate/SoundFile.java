package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a production sound file says about itself: its audio format and length, the bext and iXML chunks, the
 * timecode rate and the start timecode computed from the sample timestamp at that rate, and every problem met on the
 * way (a truncated chunk, malformed iXML) without losing the fields that could be read.
 *
 * @param sampleCount  sample frames in {@code data} (what is present, if the file is truncated)
 * @param timecodeRate from iXML TIMECODE_RATE/TIMECODE_FLAG, else the bext description's SPEED, else MASTER_SPEED
 * @param start        the first sample's timecode, when the file has a timestamp and a rate
 */
public record SoundFile(Path file, Optional<AudioFormat> format, long sampleCount, Optional<Bext> bext,
                        Optional<Ixml> ixml, Optional<FrameRate> timecodeRate, Optional<Timecode> start,
                        List<Problem> problems) {

    public SoundFile {
        problems = List.copyOf(problems);
    }

    public Optional<String> project() {
        return slate("PROJECT");
    }

    public Optional<String> scene() {
        return slate("SCENE");
    }

    public Optional<String> take() {
        return slate("TAKE");
    }

    public Optional<String> tape() {
        return slate("TAPE");
    }

    public Optional<String> note() {
        return slate("NOTE");
    }

    /** A slate field from iXML, else from the bext description's {@code KEY=value} lines. */
    public Optional<String> slate(String key) {
        Optional<String> fromIxml = ixml.flatMap(x -> x.field(key));
        if (fromIxml.isPresent()) {
            return fromIxml;
        }
        return bext.map(b -> b.descriptionFields().get(key)).filter(v -> !v.isBlank());
    }

    /** The sample timestamp (samples since midnight): bext TimeReference, else the iXML timestamp. */
    public Optional<Long> timestampSamples() {
        Optional<Long> fromBext = bext.flatMap(Bext::timeReference);
        return fromBext.isPresent() ? fromBext : ixml.flatMap(Ixml::timestampSamples);
    }

    /**
     * The rate the timestamp counts samples at: iXML TIMESTAMP_SAMPLE_RATE when given (it differs from the file's
     * rate in pulled-up or pulled-down transfers), else the fmt sample rate.
     */
    public Optional<Long> timestampSampleRate() {
        Optional<Long> fromIxml = ixml.flatMap(x -> x.speedField("TIMESTAMP_SAMPLE_RATE")).flatMap(SoundFile::positive);
        return fromIxml.isPresent() ? fromIxml : format.map(AudioFormat::sampleRate).filter(r -> r > 0);
    }

    /** The start timecode at a rate the caller supplies (the production's rate, for files that do not say). */
    public Optional<Timecode> startAt(FrameRate rate) {
        Optional<Long> samples = timestampSamples().filter(s -> s >= 0);
        Optional<Long> sampleRate = timestampSampleRate();
        if (samples.isEmpty() || sampleRate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Timecode.fromSamples(samples.get(), sampleRate.get(), rate));
    }

    /** Length in seconds of real time, when the format is known. */
    public Optional<Double> seconds() {
        return format.filter(f -> f.sampleRate() > 0).map(f -> (double) sampleCount / f.sampleRate());
    }

    private static Optional<Long> positive(String text) {
        try {
            long v = Long.parseLong(text.strip());
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
