package io.setkeeper.appliance.outbox;

import java.time.Duration;

/**
 * The publisher's reconnect policy: exponential backoff from {@code base}, capped at {@code cap}, with jitter so
 * that many boxes coming back after a network cut do not reconnect in lock step. Pure: the caller supplies the random
 * number.
 *
 * @param base   delay after the first failure
 * @param cap    the longest delay
 * @param jitter fraction of the delay that is random, 0 (none) to 1 (full jitter)
 */
public record Backoff(Duration base, Duration cap, double jitter) {
    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got " + base + " and " + cap);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within [0, 1], got " + jitter);
        }
    }

    /** Default: 250 ms doubling to 30 s, half of it random. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), 0.5);
    }

    /**
     * The delay before retry number {@code attempt} (0 after the first failure).
     *
     * @param random a uniform number in [0, 1)
     */
    public Duration delay(int attempt, double random) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0");
        }
        long baseMs = base.toMillis();
        long capMs = cap.toMillis();
        int shift = Math.min(attempt, 40);
        long exp = baseMs > (capMs >> shift) ? capMs : Math.min(capMs, baseMs << shift);
        double fixed = exp * (1 - jitter);
        return Duration.ofMillis(Math.round(fixed + exp * jitter * random));
    }
}
