package io.setkeeper.appliance.outbox;

import java.time.Duration;

/**
 * How the publisher behaves.
 *
 * @param window       publishes in flight at once (>= 8 keeps a link with latency busy with 256 KiB+ chunks)
 * @param resendAfter  a published message without a delivery receipt after this long is published again
 * @param backoff      reconnect policy
 * @param idlePoll     how often the table is looked at when nothing happens
 */
public record PublisherSettings(int window, Duration resendAfter, Backoff backoff, Duration idlePoll) {
    public PublisherSettings {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        if (resendAfter.isNegative() || resendAfter.isZero()) {
            throw new IllegalArgumentException("resendAfter must be positive");
        }
    }

    /** 16 in flight, resend after 10 minutes without receipt, standard backoff, 200 ms polling. */
    public static PublisherSettings standard() {
        return new PublisherSettings(16, Duration.ofMinutes(10), Backoff.standard(), Duration.ofMillis(200));
    }
}
