package io.setkeeper.appliance.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.setkeeper.appliance.fixes.reframe.Aspect;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.Role;
import io.setkeeper.appliance.review.User;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's own refusals, before any clip is read: a role that cannot propose, a closed service. */
class FixServiceTest {
    @TempDir
    Path dir;

    @Test
    void aViewerIsRefusedAndAClosedServiceTakesNoRequests() {
        FixService service = new FixService(null, null, null, null, dir);
        FixRequest reframe = new FixRequest.Reframe(Aspect.parse("9:16"));
        User viewer = new User("u1", "Vic", Role.VIEWER, Instant.EPOCH);
        assertEquals(ReviewException.Kind.FORBIDDEN, assertThrows(ReviewException.class,
                () -> service.propose(viewer, 1, reframe)).kind());
        service.close();
        User dit = new User("u2", "Ana", Role.DIT, Instant.EPOCH);
        ReviewException closed = assertThrows(ReviewException.class, () -> service.propose(dit, 1, reframe));
        assertEquals(ReviewException.Kind.CONFLICT, closed.kind());
    }
}
