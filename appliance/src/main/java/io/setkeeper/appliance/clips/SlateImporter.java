package io.setkeeper.appliance.clips;

import io.setkeeper.appliance.slate.AleClip;
import io.setkeeper.appliance.slate.AleFile;
import io.setkeeper.appliance.slate.AleReader;
import io.setkeeper.appliance.slate.Parsed;
import io.setkeeper.appliance.slate.Problem;
import io.setkeeper.appliance.slate.SupervisorEntry;
import io.setkeeper.appliance.slate.SupervisorLogReader;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.SlateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Imports slate sidecars (an Avid ALE from the camera department, the script supervisor's CSV log) and re-merges
 * the slates of the production's clips. Unreadable lines are reported, the rest is imported.
 */
public final class SlateImporter {
    /** What an import took in and what it could not read. */
    public record Result(Path file, SlateEntry.Source source, int entries, List<Problem> problems) {
    }

    private final SlateStore slates;
    private final ClipStore clips;

    public SlateImporter(SlateStore slates, ClipStore clips) {
        this.slates = slates;
        this.clips = clips;
    }

    public Result importFile(String production, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Result result;
        if (name.endsWith(".ale")) {
            AleFile ale = AleReader.read(file);
            List<SlateEntry> entries = ale.clips().stream().map(c -> fromAle(file, c)).toList();
            slates.replace(production, file.toString(), entries);
            result = new Result(file, SlateEntry.Source.ALE, entries.size(), ale.problems());
        } else if (name.endsWith(".csv")) {
            Parsed<SupervisorEntry> log = SupervisorLogReader.read(file);
            List<SlateEntry> entries = log.rows().stream().map(e -> fromSupervisor(file, e)).toList();
            slates.replace(production, file.toString(), entries);
            result = new Result(file, SlateEntry.Source.SUPERVISOR_LOG, entries.size(), log.problems());
        } else {
            throw new IllegalArgumentException("not a slate sidecar (expected .ale or .csv): " + file.getFileName());
        }
        clips.refreshSlates(production);
        return result;
    }

    static SlateEntry fromAle(Path file, AleClip c) {
        Optional<String> match = c.sourceFile().filter(s -> !s.isBlank()).or(() -> Optional.of(c.name()));
        return new SlateEntry(SlateEntry.Source.ALE, file.toString(), c.line(), match, Optional.empty(), c.scene(),
                Optional.empty(), c.take(), Optional.of(c.circled()), c.camroll(),
                Optional.ofNullable(c.extra().get("Camera")), c.start().map(io.setkeeper.protocol.timecode.Timecode::format), Optional.empty());
    }

    static SlateEntry fromSupervisor(Path file, SupervisorEntry e) {
        String path = e.file().replace('\\', '/');
        return new SlateEntry(SlateEntry.Source.SUPERVISOR_LOG, file.toString(), e.line(), Optional.empty(),
                Optional.of(path), e.scene(), e.setup(), e.take(), Optional.of(e.circled()), Optional.empty(),
                e.camera(), Optional.empty(), e.notes());
    }
}
