package io.setkeeper.appliance.outbox;

import io.setkeeper.appliance.outbox.CapacityPolicy.Admission;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CapacityPolicyTest {
    private final CapacityPolicy policy = new CapacityPolicy(10);

    @Test
    void belowCapacityEverythingIsAccepted() {
        for (Priority p : Priority.values()) {
            assertInstanceOf(Admission.Accept.class, policy.admit(p, Map.of(Priority.STATUS, 9L)));
        }
    }

    @Test
    void statusIsShedFirstThenEvents() {
        Map<Priority, Long> full = Map.of(Priority.STATUS, 2L, Priority.EVENT, 3L, Priority.APPROVAL, 5L);
        assertEquals(new Admission.AcceptShedding(Priority.STATUS), policy.admit(Priority.APPROVAL, full));
        assertEquals(new Admission.AcceptShedding(Priority.STATUS), policy.admit(Priority.EVENT, full));
        assertEquals(new Admission.AcceptShedding(Priority.STATUS), policy.admit(Priority.STATUS, full));
        Map<Priority, Long> noStatus = Map.of(Priority.EVENT, 5L, Priority.MODEL, 5L);
        assertEquals(new Admission.AcceptShedding(Priority.EVENT), policy.admit(Priority.MODEL, noStatus));
        assertEquals(new Admission.AcceptShedding(Priority.EVENT), policy.admit(Priority.EVENT, noStatus));
    }

    @Test
    void aStatusNeverPushesOutAnEvent() {
        Map<Priority, Long> events = Map.of(Priority.EVENT, 10L);
        assertInstanceOf(Admission.Refuse.class, policy.admit(Priority.STATUS, events));
    }

    @Test
    void approvalsAndModelsAreNeverRefusedEvenWhenOnlyCriticalIsPending() {
        Map<Priority, Long> critical = Map.of(Priority.APPROVAL, 6L, Priority.MODEL, 2L, Priority.CHUNK, 400L);
        for (Priority p : new Priority[]{Priority.APPROVAL, Priority.MODEL, Priority.CHUNK}) {
            assertInstanceOf(Admission.AcceptOverCapacity.class, policy.admit(p, critical));
        }
        assertInstanceOf(Admission.Refuse.class, policy.admit(Priority.EVENT, critical));
        assertInstanceOf(Admission.Refuse.class, policy.admit(Priority.STATUS, critical));
    }
}
