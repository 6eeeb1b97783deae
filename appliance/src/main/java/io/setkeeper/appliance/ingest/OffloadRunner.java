package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs one offload job from whatever its journal says is already proven: copy (hash while copying, destinations
 * in parallel), verify (read every copy back), seal (ASC MHL per destination). Restartable at any point: a file
 * is skipped only if every active destination's copy is journalled as verified.
 */
public final class OffloadRunner {
    private static final Logger LOG = Logger.getLogger(OffloadRunner.class.getName());

    private final OffloadJournal journal;
    private final Checksum.Factory checksums;
    private final Sealer sealer;
    private final int bufferSize;
    private final Clock clock;

    public OffloadRunner(OffloadJournal journal, Checksum.Factory checksums, Sealer sealer, int bufferSize,
                         Clock clock) {
        this.journal = journal;
        this.checksums = checksums;
        this.sealer = sealer;
        this.bufferSize = bufferSize;
        this.clock = clock;
    }

    /** Runs (or resumes) the job; returns its final state. Never throws for bad files or full disks. */
    public OffloadJob.State run(String jobId, Consumer<OffloadProgress> progress) {
        OffloadJob job = journal.job(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
        if (job.state().finished() && job.state() == OffloadJob.State.DONE) {
            return job.state();
        }
        List<JobFile> files = journal.files(jobId);
        ProgressMeter meter = new ProgressMeter(jobId, files, clock, progress);
        try (FileCopier copier = new FileCopier(bufferSize)) {
            journal.jobState(jobId, OffloadJob.State.COPYING, Optional.empty());
            meter.phase(OffloadJob.State.COPYING, sum(files));
            for (JobFile f : files) {
                copyIfNeeded(job, f, copier, meter);
            }
            files = journal.files(jobId);
            journal.jobState(jobId, OffloadJob.State.VERIFYING, Optional.empty());
            verifyAll(job, files, meter);
            files = journal.files(jobId);
            journal.jobState(jobId, OffloadJob.State.SEALING, Optional.empty());
            sealAll(jobId, files, meter);
        } catch (RuntimeException e) {
            LOG.severe(() -> "offload " + jobId + " stopped: " + e);
            journal.jobState(jobId, OffloadJob.State.FAILED, Optional.of("offload stopped: " + e.getMessage()));
            return OffloadJob.State.FAILED;
        }
        return finish(jobId);
    }

    private void copyIfNeeded(OffloadJob job, JobFile f, FileCopier copier, ProgressMeter meter) {
        List<Integer> active = active(journal.job(job.id()).orElseThrow());
        if (f.state() == JobFile.FileState.FAILED && f.error().isPresent() || f.verifiedEverywhere(active)) {
            meter.skip(f.file());
            return;
        }
        Map<Integer, Path> targets = new TreeMap<>();
        for (OffloadJob.Destination d : job.destinations()) {
            JobFile.Copy c = f.copies().get(d.index());
            boolean done = c != null && c.state() == JobFile.CopyState.VERIFIED;
            if (active.contains(d.index()) && !done) {
                targets.put(d.index(), CardScanner.resolveInside(d.path(), f.file().relPath()));
            }
        }
        if (targets.isEmpty()) {
            meter.skip(f.file());
            return;
        }
        meter.current(f.file().relPath());
        Path source = CardScanner.resolveInside(job.source(), f.file().relPath());
        CopyOutcome outcome = copier.copy(source, f.file(), targets, checksums.start(), meter::bytes);
        switch (outcome) {
            case CopyOutcome.SourceFailed failed -> {
                LOG.warning(() -> "offload " + job.id() + ": " + f.file().relPath() + ": " + failed.message());
                journal.fileFailed(job.id(), f.file().relPath(), failed.code() + ": " + failed.message());
            }
            case CopyOutcome.Copied copied -> {
                copied.failedDestinations().forEach((idx, msg) -> journal.destinationFailed(job.id(), idx,
                        "writing " + f.file().relPath() + " failed: " + msg));
                List<Integer> written = targets.keySet().stream()
                        .filter(i -> !copied.failedDestinations().containsKey(i)).toList();
                journal.fileCopied(job.id(), f.file().relPath(), copied.sourceHash(), written);
            }
        }
        meter.fileDone();
    }

    private void verifyAll(OffloadJob job, List<JobFile> files, ProgressMeter meter) {
        OffloadJob current = journal.job(job.id()).orElseThrow();
        List<Integer> active = active(current);
        long toVerify = files.stream().filter(f -> f.sourceHash().isPresent())
                .mapToLong(f -> f.file().size() * active.size()).sum();
        meter.phase(OffloadJob.State.VERIFYING, toVerify);
        Verifier verifier = new Verifier(bufferSize);
        try (ExecutorService perDestination = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("offload-verify-", 0).daemon(true).factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (OffloadJob.Destination d : current.destinations()) {
                if (!active.contains(d.index())) {
                    continue;
                }
                futures.add(perDestination.submit(() -> verifyDestination(job, d, files, verifier, meter)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException("verification failed: " + e.getMessage(), e);
                }
            }
        }
    }

    private void verifyDestination(OffloadJob job, OffloadJob.Destination d, List<JobFile> files, Verifier verifier,
                                   ProgressMeter meter) {
        for (JobFile f : files) {
            JobFile.Copy c = f.copies().get(d.index());
            if (f.sourceHash().isEmpty() || c == null || c.state() == JobFile.CopyState.VERIFIED) {
                continue;
            }
            if (c.state() == JobFile.CopyState.PENDING) {
                continue; // never written (destination failed meanwhile): stays unverified
            }
            Path copy = CardScanner.resolveInside(d.path(), f.file().relPath());
            switch (verifier.verify(copy, f.sourceHash().get(), checksums.start(), meter::bytes)) {
                case Verifier.Verdict.Verified v -> journal.copyVerified(job.id(), f.file().relPath(), d.index(),
                        v.hash());
                case Verifier.Verdict.Failed bad -> journal.copyFailed(job.id(), f.file().relPath(), d.index(),
                        bad.code() + ": " + bad.message(), Optional.ofNullable(bad.hash()));
            }
        }
    }

    private void sealAll(String jobId, List<JobFile> files, ProgressMeter meter) {
        OffloadJob job = journal.job(jobId).orElseThrow();
        meter.phase(OffloadJob.State.SEALING, 0);
        for (OffloadJob.Destination d : job.destinations()) {
            if (d.state() != OffloadJob.DestinationState.ACTIVE) {
                continue;
            }
            Map<String, String> verified = new LinkedHashMap<>();
            for (JobFile f : files) {
                JobFile.Copy c = f.copies().get(d.index());
                if (c != null && c.state() == JobFile.CopyState.VERIFIED) {
                    verified.put(f.file().relPath(), c.hash().orElseThrow());
                }
            }
            try {
                int generation = sealer.seal(d.path(), job.algorithm(), verified);
                journal.destinationSealed(jobId, d.index(), generation);
            } catch (IOException | RuntimeException e) {
                journal.destinationFailed(jobId, d.index(), "writing the ASC MHL generation failed: "
                        + e.getMessage());
            }
        }
    }

    private OffloadJob.State finish(String jobId) {
        OffloadJob job = journal.job(jobId).orElseThrow();
        List<JobFile> files = journal.files(jobId);
        List<String> problems = new ArrayList<>();
        job.destinations().stream().filter(d -> d.state() != OffloadJob.DestinationState.SEALED)
                .forEach(d -> problems.add("destination " + d.path() + ": " + d.error().orElse("not sealed")));
        long unverified = files.stream().filter(f -> f.state() != JobFile.FileState.VERIFIED).count();
        if (unverified > 0) {
            problems.add(unverified + " of " + files.size() + " files not verified at every destination");
        }
        OffloadJob.State state = problems.isEmpty() ? OffloadJob.State.DONE : OffloadJob.State.FAILED;
        journal.jobState(jobId, state, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ",
                problems)));
        return state;
    }

    private static List<Integer> active(OffloadJob job) {
        return job.destinations().stream().filter(d -> d.state() != OffloadJob.DestinationState.FAILED)
                .map(OffloadJob.Destination::index).toList();
    }

    private static long sum(List<JobFile> files) {
        return files.stream().mapToLong(f -> f.file().size()).sum();
    }
}
