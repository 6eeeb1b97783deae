package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.flags.Flag;
import io.setkeeper.protocol.messages.Schemas;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A continuity flag that no longer holds is resolved, not dropped, and opens again when found again (real appliance,
 * real H2 file): take 3 is moved, re-analysed unmoved (resolved, with the reason), then moved again (open, raised
 * and sent to the outbox again under the same id).
 */
class FlagResolvedTest {
    @TempDir
    Path dir;

    @Test
    void resolvedThenOpenAgain() throws Exception {
        try (ApplianceHarness h = new ApplianceHarness(dir)) {
            var flags = h.appliance().flags();
            flags.record(FlagApiTest.take(1, "1", 0));
            flags.record(FlagApiTest.take(2, "2", 0));
            List<Flag> raised = flags.record(FlagApiTest.take(3, "3", 3));
            assertEquals(1, raised.size(), raised.toString());
            String id = raised.getFirst().id();

            assertEquals(List.of(), flags.record(FlagApiTest.take(3, "3", 0)), "re-analysed: the camera did not move after all");
            JsonObject resolved = ReviewClient.json(h.get("/api/flags/" + id).body());
            assertEquals("RESOLVED", resolved.getString("state"));
            assertTrue(resolved.getString("resolution").contains("no longer found"), resolved.toString());
            assertEquals(1, ReviewClient.json("{\"a\":" + h.get("/api/flags?state=RESOLVED&family=continuity").body()
                    + "}").getJsonArray("a").size());

            List<Flag> again = flags.record(FlagApiTest.take(3, "3", 3));
            assertEquals(List.of(id), again.stream().map(Flag::id).toList(), "raised again under the same id");
            JsonObject open = ReviewClient.json(h.get("/api/flags/" + id).body());
            assertEquals("OPEN", open.getString("state"));
            assertFalse(open.containsKey("resolvedAt"));
            assertEquals(2, h.appliance().outboxStore().all().stream()
                    .filter(r -> r.schema().equals(Schemas.FLAG_RAISED)).count());
        }
    }
}
