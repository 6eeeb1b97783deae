package io.setkeeper.appliance.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.5);

    @Test
    void doublesFromBaseUntilTheCap() {
        assertEquals(50, backoff.delay(0, 0).toMillis());
        assertEquals(100, backoff.delay(0, 1).toMillis());
        assertEquals(200, backoff.delay(1, 0.999999).toMillis());
        assertEquals(800, backoff.delay(3, 0.999999).toMillis());
        assertEquals(5000, backoff.delay(6, 0.999999).toMillis());
        assertEquals(5000, backoff.delay(1000, 0.999999).toMillis(), "no overflow for huge attempts");
        assertEquals(2500, backoff.delay(1000, 0).toMillis());
    }

    @Test
    void jitterSpreadsWithinItsFraction() {
        Backoff full = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 1.0);
        assertEquals(0, full.delay(2, 0).toMillis());
        assertEquals(200, full.delay(2, 0.5).toMillis());
        Backoff none = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0);
        assertEquals(400, none.delay(2, 0.123).toMillis());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5));
    }
}
