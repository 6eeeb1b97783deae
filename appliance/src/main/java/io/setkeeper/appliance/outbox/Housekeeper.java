package io.setkeeper.appliance.outbox;

import io.setkeeper.appliance.store.OutboxStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the outbox table bounded: marks expired time-bound messages as dropped and deletes rows confirmed or
 * dropped longer ago than the retention period, so the H2 file reuses their pages instead of growing.
 */
public final class Housekeeper {
    /** What one pass did. */
    public record Pass(int expired, int deleted) {
    }

    private final OutboxStore store;
    private final Duration retention;
    private final Clock clock;

    public Housekeeper(OutboxStore store, Duration retention, Clock clock) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must be >= 0");
        }
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /** One pass; call it periodically (e.g. every few minutes). */
    public Pass run() {
        Instant now = clock.instant();
        int expired = store.dropExpired(now);
        int deleted = store.deleteFinishedBefore(now.minus(retention));
        return new Pass(expired, deleted);
    }
}
