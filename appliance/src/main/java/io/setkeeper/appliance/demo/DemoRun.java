package io.setkeeper.appliance.demo;

import io.setkeeper.appliance.Appliance;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.MediaFiles;
import io.setkeeper.appliance.ingest.JobFile;
import io.setkeeper.appliance.ingest.OffloadJob;
import io.setkeeper.appliance.ingest.OffloadRequest;
import java.io.IOException;
import java.nio.file.Path;
import io.setkeeper.appliance.review.UserService;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The README's demo: offload a card (the configured folder, or a generated sample card) to two destinations
 * under the data folder, then print what a DIT would check: verified files, MHL generations, where to look.
 */
public final class DemoRun {
    private static final Logger LOG = Logger.getLogger(DemoRun.class.getName());

    private DemoRun() {
    }

    /** Waits (up to a minute) until every verified media file of the job is registered as a clip. */
    private static List<Clip> awaitClips(Appliance app, OffloadJob job, List<JobFile> files)
            throws InterruptedException {
        long media = files.stream().filter(f -> f.state() == JobFile.FileState.VERIFIED)
                .filter(f -> MediaFiles.isMedia(f.file().relPath())).count();
        List<Clip> clips = List.of();
        for (int i = 0; i < 600 && clips.size() < media; i++) {
            clips = app.clips().byCard(job.cardId());
            Thread.sleep(100);
        }
        return clips;
    }

    public static OffloadJob run(Appliance app) throws IOException, InterruptedException {
        Path demo = app.config().dataDir().resolve("demo").toAbsolutePath();
        Path source = app.config().demo().source().orElse(null);
        if (source == null) {
            source = SampleCard.generate(demo.resolve("cards"));
            LOG.info("generated a sample card at " + source);
        }
        List<Path> destinations = List.of(demo.resolve("raid"), demo.resolve("shuttle"));
        var started = app.offloads().start(new OffloadRequest(app.config().production(), Optional.empty(), source,
                destinations, Optional.empty()));
        String id = started.job().id();
        LOG.info("offloading " + source + " to " + destinations + (started.repeat() ? " (already offloaded)" : "")
                + "; follow it: curl -N http://localhost:" + app.port() + "/api/offloads/" + id + "/events");
        OffloadJob job;
        do {
            Thread.sleep(250);
            job = app.jobs().job(id).orElseThrow();
        } while (!job.state().finished());
        List<JobFile> files = app.jobs().files(id);
        long verified = files.stream().filter(f -> f.state() == JobFile.FileState.VERIFIED).count();
        StringBuilder summary = new StringBuilder("\n=== Offload " + job.state() + ": card " + job.cardLabel() + ", "
                + verified + "/" + files.size() + " files verified with " + job.algorithm() + " ===\n");
        for (OffloadJob.Destination d : job.destinations()) {
            summary.append("  ").append(d.path()).append(": ").append(d.state())
                    .append(d.mhlGeneration().map(g -> ", ASC MHL generation " + g).orElse(""))
                    .append(d.error().map(e -> ", " + e).orElse("")).append('\n');
        }
        files.stream().filter(f -> f.state() != JobFile.FileState.VERIFIED).forEach(f -> summary.append("  NOT VERIFIED ")
                .append(f.file().relPath()).append(": ").append(f.error().orElse("")).append('\n'));
        for (Clip c : awaitClips(app, job, files)) {
            summary.append(String.format("  clip %-44s %-8s %-12s %-10s %-9s %s%n", c.relPath(), c.status(),
                    c.startTimecode().orElse("-"), c.fps().orElse("-"),
                    c.width().map(w -> w + "x" + c.height().orElse(0)).orElse("-"),
                    c.error().orElse(c.slate().setup().map(s -> "setup " + s + " take " + c.slate().take().orElse("?")
                            + (c.slate().circled().orElse(false) ? " circled" : "")).orElse(""))));
        }
        summary.append("  report:  http://localhost:").append(app.port()).append("/api/offloads/").append(id)
                .append("/report\n  clips:   http://localhost:").append(app.port()).append("/api/clips\n")
                .append("  health:  http://localhost:").append(app.port()).append("/observe/health\n")
                .append("  writes:  need 'Authorization: Bearer <token>'; the admin token is in ")
                .append(app.config().dataDir().toAbsolutePath().resolve(UserService.ADMIN_TOKEN_FILE))
                .append(" (create a DIT with POST /api/users; docs/security.md)\n")
                .append("Ctrl-C stops the appliance.");
        LOG.info(summary.toString());
        return job;
    }
}
