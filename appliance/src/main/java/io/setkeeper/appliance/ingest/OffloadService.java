package io.setkeeper.appliance.ingest;

import io.setkeeper.appliance.store.JobStore;
import io.setkeeper.appliance.store.ProductionStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Starts, deduplicates and resumes offload jobs. Offloading the same card to the same destinations again returns
 * the existing job (finishing it if it had stopped) instead of copying twice.
 */
public final class OffloadService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OffloadService.class.getName());

    /** A started (or found) job; {@code repeat} is true when the same card and destinations were already asked. */
    public record Started(OffloadJob job, boolean repeat) {
    }

    private final ProductionStore productions;
    private final JobStore jobs;
    private final Function<String, Checksum.Factory> checksums;
    private final Sealer sealer;
    private final String defaultAlgorithm;
    private final int bufferSize;
    private final Clock clock;
    private final ProgressBus progress = new ProgressBus();
    private final ExecutorService workers;
    private final List<Consumer<OffloadJob>> finishedListeners = new CopyOnWriteArrayList<>();

    public OffloadService(ProductionStore productions, JobStore jobs, Function<String, Checksum.Factory> checksums,
                          Sealer sealer, String defaultAlgorithm, int bufferSize, int workerCount, Clock clock) {
        this.productions = productions;
        this.jobs = jobs;
        this.checksums = checksums;
        this.sealer = sealer;
        this.defaultAlgorithm = defaultAlgorithm;
        this.bufferSize = bufferSize;
        this.clock = clock;
        checksums.apply(defaultAlgorithm); // fail at start on a bad configured algorithm
        this.workers = Executors.newFixedThreadPool(workerCount,
                Thread.ofPlatform().name("offload-job-", 0).daemon(true).factory());
    }

    public ProgressBus progress() {
        return progress;
    }

    /** Called with the final job each time one finishes (DONE or FAILED). */
    public void onFinished(Consumer<OffloadJob> listener) {
        finishedListeners.add(listener);
    }

    /** Validates, registers the card, creates (or finds) the job and queues it. */
    public Started start(OffloadRequest request) throws IOException {
        request.validate();
        String algorithm = request.algorithm().filter(a -> !a.isBlank()).orElse(defaultAlgorithm);
        checksums.apply(algorithm);
        productions.production(request.production()).orElseThrow(
                () -> new IllegalArgumentException("unknown production: " + request.production()));
        CardScan scan = CardScanner.scan(request.source());
        scan.problems().forEach(p -> LOG.warning(() -> "card " + request.source() + ": " + p.relPath() + ": "
                + p.reason()));
        for (Path d : request.destinations()) {
            Files.createDirectories(d);
        }
        String fingerprint = fingerprint(scan.files());
        String label = request.label();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        long day = productions.day(request.production(), today).id();
        String cardId = request.production() + "-" + label.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + fingerprint.substring(0, 12);
        Card card = productions.card(new Card(cardId, request.production(), Optional.of(day), label, request.source(),
                fingerprint, scan.files().size(), scan.bytes(), clock.instant()));
        String destinationsKey = sha256(request.destinations().stream().map(Path::toString).sorted().toList()
                + "|" + algorithm);
        synchronized (this) {
            Optional<OffloadJob> existing = jobs.findFor(card.id(), destinationsKey);
            if (existing.isPresent()) {
                OffloadJob job = existing.get();
                if (job.state() == OffloadJob.State.FAILED) {
                    jobs.reopen(job.id());
                    submit(job.id());
                }
                return new Started(jobs.job(job.id()).orElseThrow(), true);
            }
            List<OffloadJob.Destination> dests = new ArrayList<>();
            for (int i = 0; i < request.destinations().size(); i++) {
                dests.add(new OffloadJob.Destination(i, request.destinations().get(i),
                        OffloadJob.DestinationState.ACTIVE, Optional.empty(), Optional.empty()));
            }
            OffloadJob job = new OffloadJob(UUID.randomUUID().toString(), card.id(), card.production(), label,
                    request.source(), algorithm, OffloadJob.State.QUEUED, List.copyOf(dests), clock.instant(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            jobs.create(job, destinationsKey, scan.files());
            submit(job.id());
            return new Started(jobs.job(job.id()).orElseThrow(), false);
        }
    }

    /** Queues every job a crash or power cut interrupted; returns how many. */
    public int resumeUnfinished() {
        List<String> ids = jobs.unfinished();
        ids.forEach(id -> {
            LOG.info(() -> "resuming offload " + id);
            submit(id);
        });
        return ids.size();
    }

    private void submit(String jobId) {
        workers.submit(() -> {
            try {
                OffloadJob job = jobs.job(jobId).orElseThrow();
                OffloadRunner runner = new OffloadRunner(jobs, checksums.apply(job.algorithm()), sealer, bufferSize,
                        clock);
                OffloadJob.State state = runner.run(jobId, progress);
                OffloadJob done = jobs.job(jobId).orElseThrow();
                LOG.info(() -> "offload " + jobId + " of card " + done.cardLabel() + " finished: " + state
                        + done.error().map(e -> " (" + e + ")").orElse(""));
                progress.last(jobId).ifPresent(p -> progress.accept(new OffloadProgress(jobId, state, p.filesTotal(),
                        p.filesTotal(), p.bytesTotal(), p.bytesTotal(), 0, java.util.OptionalLong.of(0), "")));
                finishedListeners.forEach(l -> l.accept(done));
            } catch (RuntimeException e) {
                LOG.severe(() -> "offload " + jobId + " crashed: " + e);
            }
        });
    }

    static String fingerprint(List<CardFile> files) {
        StringBuilder sb = new StringBuilder();
        for (CardFile f : files) {
            sb.append(f.relPath()).append('\0').append(f.size()).append('\0').append(f.modified().toEpochMilli())
                    .append('\n');
        }
        return sha256(sb.toString());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the running job reach a journalled point (up to 10 s), then stops; a restart resumes the rest. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
