package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Finding;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A QC finding on the clip page: what (in words), severity, where (timecodes, else frames), the sentence, the
 * evidence numbers, and its evidence still's bytes (JPEG) when the appliance has one.
 */
public record FindingRow(String what, String severity, String where, String message, String numbers,
                         Optional<byte[]> still) {
    public static FindingRow of(Finding f, Optional<byte[]> still) {
        String frames = f.startFrame() == f.endFrame() ? "frame " + f.startFrame()
                : "frames " + f.startFrame() + "–" + f.endFrame();
        String where = f.startTimecode().map(tc -> tc + f.endTimecode().filter(e -> !e.equals(tc))
                .map(e -> " – " + e).orElse("") + " (" + frames + ")")
                .orElse(frames + String.format(java.util.Locale.ROOT, ", at %.2f s (the clip has no timecode)",
                        f.startPtsMicros() / 1e6));
        String numbers = f.numbers().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return new FindingRow(Badges.words(f.type()), f.severity(), where, f.message(), numbers, still);
    }
}
