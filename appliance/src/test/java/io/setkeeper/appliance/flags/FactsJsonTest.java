package io.setkeeper.appliance.flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.continuity.ClipFacts;
import io.setkeeper.appliance.continuity.Continuity;
import io.setkeeper.appliance.continuity.Finding;
import io.setkeeper.appliance.continuity.SyntheticFacts;
import io.setkeeper.appliance.continuity.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored facts read back equal (so a re-check after a restart finds the same flags), and flag ids are stable. */
class FactsJsonTest {
    private static ClipFacts full(long id, int shift) {
        ClipFacts c = SyntheticFacts.clip(id, "5B", "1", SyntheticFacts.background(shift, 0, 0, false));
        float[] emb = {0.6f, 0.8f};
        return new ClipFacts(id, c.clip(), "5", "5B", "1", new ClipFacts.Camera("A", 23.976, 3840, 2160, "HLG",
                Map.of("lens", "35mm")), new ClipFacts.SoundSlate("5B", "01", "T001.WAV"), c.background(),
                List.of(new ClipFacts.Person(emb, new float[] {50, 1, 2}, 0.4, Double.NaN, 3, new float[] {0, 0, 1, 1})),
                List.of(new ClipFacts.EdgePerson(ClipFacts.EdgePerson.Side.LEFT, 0.5, new float[] {0, 0.1f, 0.2f, 1})),
                List.of(new ClipFacts.Thing("chair", 0.75, 0.6, new float[] {0.1f, 0.2f, 0.3f, 0.4f})), "/x/1.png");
    }

    @Test
    void roundTrip() {
        ClipFacts a = full(7, 0);
        ClipFacts b = FactsJson.read(FactsJson.write(a));
        assertEquals(a.clip(), b.clip());
        assertEquals(a.camera(), b.camera());
        assertEquals(a.sound(), b.sound());
        assertArrayEquals(a.background().lab(), b.background().lab());
        assertArrayEquals(a.people().getFirst().embedding(), b.people().getFirst().embedding());
        assertTrue(Double.isNaN(b.people().getFirst().yaw()));
        assertEquals(a.edges().getFirst().side(), b.edges().getFirst().side());
        assertEquals("chair", b.things().getFirst().label());
        assertEquals("/x/1.png", b.still());
        assertNull(FactsJson.read(FactsJson.write(SyntheticFacts.clip(1, "5B", "1",
                SyntheticFacts.background(0, 0, 0, false)))).sound());
    }

    @Test
    void sameFindingsAfterStorageAndStableIds() {
        List<ClipFacts> clips = List.of(full(1, 0), full(2, 0), full(3, 3));
        List<Finding> before = Continuity.evaluate(clips, Thresholds.defaults());
        List<Finding> after = Continuity.evaluate(clips.stream().map(c -> FactsJson.read(FactsJson.write(c))).toList(),
                Thresholds.defaults());
        assertEquals(before.stream().map(Flag::idOf).toList(), after.stream().map(Flag::idOf).toList());
        assertTrue(before.stream().anyMatch(f -> f.kind() == Finding.Kind.CAMERA_MOVED));
        assertTrue(before.stream().anyMatch(f -> f.kind() == Finding.Kind.SOUND_MISMATCH) == false,
                "take 01 and 1 are the same take");
        assertEquals(16, Flag.idOf(before.getFirst()).length());
    }

    @Test
    void malformedFactsAreRefused() {
        assertThrows(RuntimeException.class, () -> FactsJson.read("{\"clip\":\"x\"}"));
    }
}
