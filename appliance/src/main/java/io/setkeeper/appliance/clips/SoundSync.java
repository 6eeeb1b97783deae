package io.setkeeper.appliance.clips;

import io.setkeeper.appliance.slate.BroadcastWavReader;
import io.setkeeper.appliance.slate.PictureTake;
import io.setkeeper.appliance.slate.SoundMatcher;
import io.setkeeper.appliance.slate.SoundMatches;
import io.setkeeper.appliance.slate.SoundTake;
import io.setkeeper.protocol.timecode.FrameRate;
import io.setkeeper.protocol.timecode.Timecode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Matches the production's sound files (Broadcast WAV, start timecode from bext/iXML with pull-down) to its
 * picture clips by timecode overlap and slate, and lists where the two disagree. Clip paths are the ids.
 */
public final class SoundSync {
    private SoundSync() {
    }

    public static SoundMatches match(List<Clip> clips) {
        List<PictureTake> pictures = new ArrayList<>();
        List<SoundTake> sounds = new ArrayList<>();
        for (Clip c : clips) {
            if (c.status() != Clip.Status.PROBED) {
                continue;
            }
            if (MediaFiles.isSound(c.relPath())) {
                sound(c).ifPresent(sounds::add);
            } else if ("VIDEO".equals(c.kind())) {
                picture(c).ifPresent(pictures::add);
            }
        }
        return SoundMatcher.match(pictures, sounds);
    }

    static Optional<PictureTake> picture(Clip c) {
        if (c.startTimecode().isEmpty() || c.fps().isEmpty() || c.durationSeconds().isEmpty()) {
            return Optional.empty();
        }
        try {
            FrameRate rate = FrameRate.parse(c.fps().get());
            Timecode start = Timecode.parse(c.startTimecode().get(), rate);
            long frames = Math.round(c.durationSeconds().get() * rate.num() / rate.den());
            return Optional.of(new PictureTake(c.relPath(), start, frames, c.slate().scene(), c.slate().take()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a rate timecode cannot count (variable-rate phone clip): not placed by TC
        }
    }

    static Optional<SoundTake> sound(Clip c) {
        try {
            return SoundTake.of(BroadcastWavReader.read(c.mediaPath())).map(s -> new SoundTake(c.relPath(),
                    s.start(), s.samples(), s.sampleRate(), s.scene(), s.take()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
