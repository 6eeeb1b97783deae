package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Clip;
import java.util.Optional;

/** One line of the Dailies table, every column as text, built from a clip and its card's label. Pure. */
public record ClipRow(long id, String file, String card, String scene, String setup, String take, String circled,
                     String status, String timecode, String fps, String frameSize, String duration,
                     boolean disagrees, String qc, String qcSeverity) {
    /** The row for a clip; {@code cardLabel} is the card's label (or its id when unknown). */
    public static ClipRow of(Clip c, String cardLabel) {
        var s = c.slate();
        return new ClipRow(c.id(), c.fileName(), cardLabel, s.scene().orElse(""), s.setup().orElse(""),
                s.take().orElse(""), s.circled().map(b -> b ? "circled" : "").orElse(""),
                c.status().equals("PROBED") ? "ok" : "cannot read", c.startTimecode().orElse(""),
                c.fps().map(Formats::fps).orElse(""), frameSize(c.width(), c.height()),
                c.durationSeconds().map(Formats::duration).orElse(""), !s.disagreements().isEmpty(), "", "");
    }

    /** The same row with the QC badge of its findings. */
    public ClipRow withFindings(java.util.List<io.setkeeper.ui.client.Finding> findings) {
        return new ClipRow(id, file, card, scene, setup, take, circled, status, timecode, fps, frameSize, duration,
                disagrees, Badges.of(findings), Badges.worst(findings));
    }

    private static String frameSize(Optional<Integer> w, Optional<Integer> h) {
        return w.isPresent() && h.isPresent() ? w.get() + " × " + h.get() : "";
    }
}
