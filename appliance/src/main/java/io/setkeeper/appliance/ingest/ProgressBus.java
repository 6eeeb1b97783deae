package io.setkeeper.appliance.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fans progress snapshots out to live followers (SSE clients, the UI) and keeps the last one per job. */
public final class ProgressBus implements Consumer<OffloadProgress> {
    private final Map<String, OffloadProgress> last = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<OffloadProgress>> followers = new CopyOnWriteArrayList<>();

    @Override
    public void accept(OffloadProgress p) {
        last.put(p.jobId(), p);
        for (Consumer<OffloadProgress> f : followers) {
            try {
                f.accept(p);
            } catch (RuntimeException e) {
                followers.remove(f); // a broken follower never slows the copy
            }
        }
    }

    public Optional<OffloadProgress> last(String jobId) {
        return Optional.ofNullable(last.get(jobId));
    }

    /** Follows every job's progress until the returned handle is closed. */
    public AutoCloseable follow(Consumer<OffloadProgress> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }
}
