package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Clip;
import io.setkeeper.ui.client.ClipDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lines of the clip detail pane from a clip's probe data and slate, in the order a DIT reads them. Pure. */
public final class ClipDetails {
    private ClipDetails() {
    }

    public static List<DetailLine> lines(ClipDetail d) {
        Clip c = d.clip();
        List<DetailLine> out = new ArrayList<>();
        out.add(new DetailLine("File", c.path()));
        add(out, "Status", Optional.of(c.status().equals("PROBED") ? "read" : "cannot be read"
                + c.error().map(e -> ": " + e).orElse("")));
        add(out, "Timecode", c.startTimecode().map(tc -> tc + d.dropFrame().map(df -> df ? " (drop frame)" : "")
                .orElse("") + d.timecodeSource().map(s -> ", from " + s).orElse("")));
        add(out, "Frame rate", c.fps().map(f -> Formats.fps(f) + (Formats.fps(f).equals(f) ? "" : " (" + f + ")")));
        add(out, "Duration", c.durationSeconds().map(Formats::duration));
        add(out, "Scene", c.slate().scene());
        add(out, "Setup", c.slate().setup());
        add(out, "Take", c.slate().take().map(t -> t + c.slate().circled().filter(b -> b).map(b -> ", circled")
                .orElse("")));
        add(out, "Camera roll", c.slate().camroll().or(c::roll));
        add(out, "Camera", c.camera());
        add(out, "Container", d.container());
        add(out, "Size", d.sizeBytes().map(Formats::bytes));
        d.video().ifPresent(v -> {
            out.add(new DetailLine("Video", v.codec() + ", " + v.width() + " × " + v.height() + ", "
                    + v.pixelFormat() + (v.bitDepth() > 0 ? ", " + v.bitDepth() + "-bit" : "")));
            add(out, "Transfer", Optional.of(v.transfer()).filter(s -> !s.isBlank()));
            out.add(new DetailLine("Frames", Long.toString(v.frameCount())));
        });
        for (int i = 0; i < d.audio().size(); i++) {
            out.add(new DetailLine("Audio " + (i + 1), d.audio().get(i)));
        }
        d.cameraTags().forEach((k, v) -> out.add(new DetailLine("Camera tag " + k, v)));
        c.slate().sources().forEach(s -> out.add(new DetailLine("Slate source", s)));
        return List.copyOf(out);
    }

    private static void add(List<DetailLine> out, String label, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> out.add(new DetailLine(label, v)));
    }
}
