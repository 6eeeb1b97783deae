package io.setkeeper.appliance.ingest;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Counts bytes and files of the current phase and publishes a snapshot at most every 200 ms. */
final class ProgressMeter {
    private static final long INTERVAL_MS = 200;

    private final String jobId;
    private final int filesTotal;
    private final Clock clock;
    private final Consumer<OffloadProgress> sink;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger files = new AtomicInteger();
    private volatile OffloadJob.State phase = OffloadJob.State.QUEUED;
    private volatile long phaseBytes;
    private volatile long phaseStart;
    private volatile long lastEmit;
    private volatile String current = "";

    ProgressMeter(String jobId, List<JobFile> all, Clock clock, Consumer<OffloadProgress> sink) {
        this.jobId = jobId;
        this.filesTotal = all.size();
        this.clock = clock;
        this.sink = sink;
    }

    void phase(OffloadJob.State next, long totalBytes) {
        phase = next;
        phaseBytes = totalBytes;
        phaseStart = clock.millis();
        bytes.set(0);
        files.set(0);
        emit(true);
    }

    void current(String relPath) {
        current = relPath;
    }

    void bytes(long n) {
        bytes.addAndGet(n);
        emit(false);
    }

    void skip(CardFile f) {
        bytes.addAndGet(f.size());
        fileDone();
    }

    void fileDone() {
        files.incrementAndGet();
        emit(false);
    }

    private void emit(boolean force) {
        long now = clock.millis();
        if (!force && now - lastEmit < INTERVAL_MS) {
            return;
        }
        lastEmit = now;
        long done = bytes.get();
        double seconds = Math.max(0.001, (now - phaseStart) / 1000.0);
        double rate = done / seconds;
        OptionalLong eta = rate > 0 ? OptionalLong.of(Math.round((phaseBytes - done) / rate)) : OptionalLong.empty();
        sink.accept(new OffloadProgress(jobId, phase, Math.min(files.get(), filesTotal), filesTotal, done, phaseBytes,
                rate, eta, current));
    }
}
