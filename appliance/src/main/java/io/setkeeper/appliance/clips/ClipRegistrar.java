package io.setkeeper.appliance.clips;

import io.setkeeper.appliance.ingest.JobFile;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.media.MediaProbe;
import io.setkeeper.appliance.media.ProbeData;
import io.setkeeper.appliance.media.ProbeResult;
import io.setkeeper.appliance.slate.ClipName;
import io.setkeeper.appliance.store.ClipStore;
import io.setkeeper.appliance.store.JobStore;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Turns a finished offload into clips: imports the card's own slate sidecars (ALE, CSV), then probes every
 * verified media file from a verified copy (never from the card again) and stores it. A file that cannot be probed
 * becomes a FAILED clip with the reason; the rest of the card goes on.
 */
public final class ClipRegistrar implements Consumer<OffloadJob> {
    private static final Logger LOG = Logger.getLogger(ClipRegistrar.class.getName());

    private final JobStore jobs;
    private final ClipStore clips;
    private final SlateImporter slates;
    private final Clock clock;
    private final List<Consumer<Clip>> registered = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ClipRegistrar(JobStore jobs, ClipStore clips, SlateImporter slates, Clock clock) {
        this.jobs = jobs;
        this.clips = clips;
        this.slates = slates;
        this.clock = clock;
    }

    /** Called with each clip once it is stored (analysis hooks in here). */
    public void onRegistered(Consumer<Clip> listener) {
        registered.add(listener);
    }

    @Override
    public void accept(OffloadJob job) {
        Optional<OffloadJob.Destination> home = job.destinations().stream()
                .filter(d -> d.state() == OffloadJob.DestinationState.SEALED).findFirst()
                .or(() -> job.destinations().stream().findFirst());
        if (home.isEmpty()) {
            return;
        }
        List<JobFile> verified = new ArrayList<>();
        for (JobFile f : jobs.files(job.id())) {
            JobFile.Copy copy = f.copies().get(home.get().index());
            if (copy != null && copy.state() == JobFile.CopyState.VERIFIED) {
                verified.add(f);
            }
        }
        for (JobFile f : verified) {
            if (MediaFiles.isSidecar(f.file().relPath())) {
                Path sidecar = home.get().path().resolve(f.file().relPath());
                try {
                    SlateImporter.Result r = slates.importFile(job.production(), sidecar);
                    LOG.info(() -> "card " + job.cardLabel() + ": slate sidecar " + f.file().relPath() + ": "
                            + r.entries() + " lines" + (r.problems().isEmpty() ? "" : ", problems " + r.problems()));
                } catch (IOException | RuntimeException e) {
                    LOG.warning(() -> "card " + job.cardLabel() + ": sidecar " + f.file().relPath()
                            + " not imported: " + e.getMessage());
                }
            }
        }
        int ok = 0;
        int failed = 0;
        for (JobFile f : verified) {
            if (!MediaFiles.isMedia(f.file().relPath())) {
                continue;
            }
            Clip clip = register(job, home.get().path(), f.file().relPath());
            if (clip.status() == Clip.Status.PROBED) {
                ok++;
            } else {
                failed++;
            }
        }
        int probed = ok;
        int bad = failed;
        LOG.info(() -> "card " + job.cardLabel() + ": " + probed + " clips registered, " + bad + " could not be read");
    }

    /** Probes one file and stores the clip (PROBED or FAILED). */
    public Clip register(OffloadJob job, Path root, String relPath) {
        Path media = root.resolve(relPath);
        String fileName = media.getFileName().toString();
        Optional<ClipName> name = ClipName.parse(fileName);
        ProbeResult result = MediaProbe.probe(media);
        Clip clip = switch (result) {
            case ProbeResult.Probed p -> probed(job, relPath, fileName, media, name, p.data());
            case ProbeResult.Failed f -> new Clip(0, job.production(), job.cardId(), relPath, fileName, media,
                    MediaFiles.isSound(relPath) ? "AUDIO_ONLY" : "UNKNOWN", Clip.Status.FAILED,
                    Optional.of(f.code() + ": " + f.message()), name.flatMap(ClipName::camera),
                    roll(name), clipNumber(name), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Slate.NONE,
                    Json.createObjectBuilder().add("error", f.code().name()).add("message", f.message()).build()
                            .toString(), clock.instant());
        };
        long id = clips.upsert(clip);
        Clip stored = clips.clip(id).orElseThrow();
        registered.forEach(l -> l.accept(stored));
        return stored;
    }

    private Clip probed(OffloadJob job, String relPath, String fileName, Path media, Optional<ClipName> name,
                        ProbeData p) {
        var video = p.video();
        return new Clip(0, job.production(), job.cardId(), relPath, fileName, media, p.kind().name(),
                Clip.Status.PROBED, Optional.empty(), name.flatMap(ClipName::camera), roll(name), clipNumber(name),
                Optional.ofNullable(p.startTimecodeText()),
                video.map(v -> v.frameRate() == null ? null : v.frameRate().toString()),
                video.map(v -> v.displayWidth()), video.map(v -> v.displayHeight()),
                Optional.of(p.durationMicros() / 1e6), Slate.NONE, ProbeJson.of(p).toString(), clock.instant());
    }

    private static Optional<String> roll(Optional<ClipName> name) {
        return name.flatMap(n -> n.roll().isPresent() ? Optional.of(String.format("%03d", n.roll().getAsInt()))
                : Optional.empty());
    }

    private static Optional<String> clipNumber(Optional<ClipName> name) {
        return name.map(n -> String.format("%03d", n.clip()));
    }
}
