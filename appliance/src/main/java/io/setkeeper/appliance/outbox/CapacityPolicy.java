package io.setkeeper.appliance.outbox;

import java.util.Map;

/**
 * Decides what happens when a message arrives at a full outbox. Pure: counts in, decision out.
 * Below capacity everything is accepted. At capacity the oldest pending message of the least important sheddable
 * kind no more important than the newcomer is shed (status first, then events); a message that is never dropped
 * (approval, model, chunk) is accepted over capacity when nothing can be shed; a sheddable newcomer with nothing
 * below it to shed is refused.
 *
 * @param capacity the number of pending messages the outbox aims to hold
 */
public record CapacityPolicy(int capacity) {
    private static final Priority[] SHED_ORDER = {Priority.STATUS, Priority.EVENT};

    public CapacityPolicy {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
    }

    /** The decision for one incoming message. */
    public sealed interface Admission {
        /** Store it. */
        record Accept() implements Admission {
        }

        /** Drop the oldest pending message of {@code victim}, then store the newcomer. */
        record AcceptShedding(Priority victim) implements Admission {
        }

        /** Store it although the outbox is over capacity: it must never be dropped. */
        record AcceptOverCapacity() implements Admission {
        }

        /** Do not store it; the reason says why. */
        record Refuse(String reason) implements Admission {
        }
    }

    /** Decides for an incoming message of priority {@code incoming} given pending counts per priority. */
    public Admission admit(Priority incoming, Map<Priority, Long> pending) {
        long total = pending.values().stream().mapToLong(Long::longValue).sum();
        if (total < capacity) {
            return new Admission.Accept();
        }
        for (Priority victim : SHED_ORDER) {
            boolean allowed = !incoming.sheddable() || shedIndex(victim) <= shedIndex(incoming);
            if (allowed && pending.getOrDefault(victim, 0L) > 0) {
                return new Admission.AcceptShedding(victim);
            }
        }
        if (!incoming.sheddable()) {
            return new Admission.AcceptOverCapacity();
        }
        return new Admission.Refuse("outbox full (" + total + " of " + capacity + " pending) with nothing less "
                + "important than " + incoming + " to shed");
    }

    private static int shedIndex(Priority p) {
        for (int i = 0; i < SHED_ORDER.length; i++) {
            if (SHED_ORDER[i] == p) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
