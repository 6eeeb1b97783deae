package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.qc.ClipQc;
import io.setkeeper.appliance.analysis.qc.Finding;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.media.FrameSource;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.ClipStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dailies analysis pipeline: every registered video clip is queued in the store and analysed by one background
 * worker (decode once, QC on every frame, perception on sampled frames, stills under
 * {@code <dataDir>/stills/<clipId>/}). Progress goes to listeners. The store's state makes it restartable:
 * {@link #resumeUnfinished()} re-queues clips that were queued or half-analysed; finished ones are not redone.
 * Register it with {@code ClipRegistrar.onRegistered(service)}.
 */
public final class AnalysisService implements Consumer<Clip>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AnalysisService.class.getName());
    /** The still of the frame the slate was read in. */
    static final String SLATE_STILL = "slate.jpg";

    /**
     * Pipeline settings.
     *
     * @param frames        decode settings (analysis size, hardware decoder)
     * @param perceptionFps frames per second of clip time given to perception (0 = off)
     * @param stillsDir     where stills are written, one folder per clip id
     */
    public record Config(FrameSource.Options frames, double perceptionFps, Path stillsDir) {
        public static Config defaults(Path dataDir) {
            return new Config(FrameSource.Options.defaults(), 2.0, dataDir.resolve("stills"));
        }
    }

    /** A progress event: clip, state and frames measured out of the expected count. */
    public record Progress(long clipId, AnalysisStore.State state, long framesDone, long framesTotal) {
    }

    private volatile boolean stopping;
    private final AnalysisStore store;
    private final ClipStore clips;
    private final Perception perception;
    private final Config config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "analysis-worker");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private volatile io.setkeeper.appliance.analysis.qc.BaselineSource baselines =
            io.setkeeper.appliance.analysis.qc.BaselineSource.NONE;
    private final List<java.util.function.BiConsumer<Clip, ClipAnalysis.Result>> analysed =
            new CopyOnWriteArrayList<>();

    /** @param perception the opened models, or null to run QC only */
    public AnalysisService(AnalysisStore store, ClipStore clips, Perception perception, Config config) {
        this.store = store;
        this.clips = clips;
        this.perception = perception;
        this.config = config;
    }

    public void onProgress(Consumer<Progress> listener) {
        listeners.add(listener);
    }

    /** Judges focus and exposure against each clip's setup baseline from this source (the production model). */
    public void useBaselines(io.setkeeper.appliance.analysis.qc.BaselineSource source) {
        this.baselines = source;
    }

    /** Follows progress until the returned handle is closed (an SSE client that goes away). */
    public AutoCloseable follow(Consumer<Progress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called with each clip whose analysis finished, and what it produced (the production model learns here). */
    public void onAnalysed(java.util.function.BiConsumer<Clip, ClipAnalysis.Result> listener) {
        analysed.add(listener);
    }

    /** Queues a newly registered clip (video clips only; audio and failed clips are skipped). */
    @Override
    public void accept(Clip clip) {
        if (clip.status() != Clip.Status.PROBED || !"VIDEO".equals(clip.kind())) {
            return;
        }
        if (store.queue(clip.id(), clip.production())) {
            submit(clip.id());
        }
    }

    /** Re-queues what a previous run left queued or running; returns how many. */
    public int resumeUnfinished() {
        List<Long> ids = store.unfinished();
        ids.forEach(this::submit);
        return ids.size();
    }

    private void submit(long clipId) {
        emit(new Progress(clipId, AnalysisStore.State.QUEUED, 0, 0));
        worker.submit(() -> analyse(clipId));
    }

    private void analyse(long clipId) {
        if (stopping) {
            return; // still QUEUED: the next start picks it up
        }
        Optional<Clip> found = clips.clip(clipId);
        if (found.isEmpty()) {
            store.fail(clipId, "clip " + clipId + " is no longer in the store");
            return;
        }
        Clip clip = found.get();
        long expected = Math.round(clip.durationSeconds().orElse(0.0)
                * clip.fps().map(f -> io.setkeeper.appliance.media.Rational.parse(f).toDouble()).orElse(0.0));
        store.start(clipId, expected);
        emit(new Progress(clipId, AnalysisStore.State.RUNNING, 0, expected));
        try {
            ClipAnalysis.Result r = ClipAnalysis.run(clip.mediaPath(), config.frames(), perception,
                    config.perceptionFps(), n -> {
                        if (stopping) {
                            Thread.currentThread().interrupt(); // stops the decode at this frame, before any write
                            return;
                        }
                        store.progress(clipId, n);
                        emit(new Progress(clipId, AnalysisStore.State.RUNNING, n, expected));
                    });
            if (r.qc().isEmpty()) {
                String why = switch (r.outcome()) {
                    case FrameSource.Outcome.Failed f -> f.reason();
                    case FrameSource.Outcome.Partial p -> p.reason();
                    case FrameSource.Outcome.Complete c -> "no frames";
                };
                store.fail(clipId, why);
                emit(new Progress(clipId, AnalysisStore.State.FAILED, 0, expected));
                return;
            }
            ClipQc qc = io.setkeeper.appliance.analysis.qc.BaselineJudge.judge(r.qc().get(),
                    clip.slate().setup().flatMap(baselines::baseline));
            Path dir = config.stillsDir().resolve(Long.toString(clipId));
            List<String> stills = writeStills(dir, r);
            List<AnalysisStore.FindingRow> rows = new ArrayList<>();
            for (Finding f : qc.findings()) {
                Optional<String> still = evidenceStill(dir, f, r.kept());
                rows.add(new AnalysisStore.FindingRow(0, clipId, clip.production(), f.type().name(),
                        f.severity().name(), f.startFrame(), f.endFrame(), f.startPts(), f.endPts(),
                        ResultJson.timecode(clip, f.startFrame()), ResultJson.timecode(clip, f.endFrame()),
                        f.message(), ResultJson.evidence(f).toString(), still));
            }
            Optional<jakarta.json.JsonObject> slate = Optional.empty();
            if (r.slate().isPresent()) {
                SlateRead s = r.slate().get();
                Stills.writeJpeg(Stills.image(s.frame()), dir.resolve(SLATE_STILL));
                slate = Optional.of(ResultJson.slateRead(s, clip, Optional.of(SLATE_STILL)));
                slateMismatch(clip, s).ifPresent(rows::add);
            }
            Optional<String> note = r.outcome() instanceof FrameSource.Outcome.Partial p ? Optional.of(p.reason())
                    : Optional.empty();
            long firstPts = r.kept().isEmpty() ? 0 : r.kept().getFirst().frame().ptsMicros();
            var tracks = r.perception().faceTracks();
            store.perception(clipId, TrackJson.frames(r.perception().perFrame(), tracks, firstPts, qc.fps()),
                    TrackJson.tracks(tracks, firstPts, qc.fps()));
            store.finish(clipId, qc.frames(), ResultJson.result(r, qc, stills, slate).toString(), note, rows);
            emit(new Progress(clipId, AnalysisStore.State.DONE, qc.frames(), expected));
            for (var l : analysed) {
                try {
                    l.accept(clip, r);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "after-analysis step failed for clip " + clipId, e);
                }
            }
            LOG.info(() -> "analysed clip " + clipId + " (" + clip.fileName() + "): " + qc.frames() + " frames, "
                    + qc.findings().size() + " findings");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException | Error e) {
            if (stopping) {
                LOG.info(() -> "analysis of clip " + clipId + " stopped by shutdown: it is redone at the next start");
                return;
            }
            LOG.log(Level.WARNING, "analysis of clip " + clipId + " failed", e);
            store.fail(clipId, e.toString());
            emit(new Progress(clipId, AnalysisStore.State.FAILED, 0, expected));
        }
    }

    /** A SLATE_MISMATCH finding when the slate in the picture disagrees with the logged slate. */
    private static Optional<AnalysisStore.FindingRow> slateMismatch(Clip clip, SlateRead s) {
        List<SlateCheck.Difference> diffs = SlateCheck.compare(s.text(), clip.slate(), clip.roll());
        if (diffs.isEmpty()) {
            return Optional.empty();
        }
        String message = "slate in picture disagrees with the log: " + String.join("; ",
                diffs.stream().map(SlateCheck.Difference::toString).toList()) + " (read '" + s.text().text() + "')";
        var evidence = jakarta.json.Json.createObjectBuilder()
                .add("frames", jakarta.json.Json.createArrayBuilder().add(s.frameIndex()))
                .add("numbers", jakarta.json.Json.createObjectBuilder().add("confidence", s.text().confidence())
                        .add("fieldsRead", s.text().fields()))
                .add("slateRead", ResultJson.slateRead(s, clip, Optional.of(SLATE_STILL)))
                .add("differences", jakarta.json.Json.createArrayBuilder(diffs.stream().map(d -> jakarta.json.Json
                        .createObjectBuilder().add("field", d.field()).add("read", d.read()).add("logged", d.logged())
                        .build()).toList()));
        return Optional.of(new AnalysisStore.FindingRow(0, clip.id(), clip.production(),
                Finding.Type.SLATE_MISMATCH.name(), Finding.Severity.WARNING.name(), s.frameIndex(), s.frameIndex(),
                s.ptsMicros(), s.ptsMicros(), ResultJson.timecode(clip, s.frameIndex()),
                ResultJson.timecode(clip, s.frameIndex()), message, evidence.build().toString(), Optional.of(SLATE_STILL)));
    }

    private static List<String> writeStills(Path dir, ClipAnalysis.Result r) throws IOException {
        List<String> names = new ArrayList<>();
        if (r.kept().isEmpty()) {
            return names;
        }
        Frame rep = r.kept().get(r.kept().size() / 2).frame();
        Stills.writeJpeg(Stills.image(rep), dir.resolve("representative.jpg"));
        names.add("representative.jpg");
        Stills.writeJpeg(Stills.contactSheet(r.kept().stream().map(ClipAnalysis.KeptFrame::frame).toList()),
                dir.resolve("contact-sheet.jpg"));
        names.add("contact-sheet.jpg");
        return names;
    }

    /** The kept frame nearest the finding's first representative frame, written as its evidence still. */
    private static Optional<String> evidenceStill(Path dir, Finding f, List<ClipAnalysis.KeptFrame> kept)
            throws IOException {
        if (kept.isEmpty() || f.frames().isEmpty()) {
            return Optional.empty();
        }
        long target = f.frames().getFirst();
        ClipAnalysis.KeptFrame best = kept.getFirst();
        for (ClipAnalysis.KeptFrame k : kept) {
            if (Math.abs(k.index() - target) < Math.abs(best.index() - target)) {
                best = k;
            }
        }
        String name = "frame-" + best.index() + ".jpg";
        Path file = dir.resolve(name);
        if (!java.nio.file.Files.exists(file)) {
            Stills.writeJpeg(Stills.image(best.frame()), file);
        }
        return Optional.of(name);
    }

    private void emit(Progress p) {
        for (Consumer<Progress> l : listeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "progress listener failed", e);
            }
        }
    }

    /** Waits until the worker is idle (tests, shutdown). */
    /** Runs {@code step} on the analysis worker after every clip queued so far (e.g. the end of a card). */
    public void afterQueued(Runnable step) {
        worker.submit(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "after-queue step failed", e);
            }
        });
    }

    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        var done = worker.submit(() -> { });
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // no interrupt while the worker may be writing H2: an interrupted FileChannel write closes the database file
        // (ClosedByInterruptException). The running clip stops at its next frame and stays RUNNING for the next start.
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
