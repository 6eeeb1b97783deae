package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.TestData;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The production's shot list, {@code production/shotlist.csv}, against its screenplay. */
class ShotListDataTest {

    @Test
    void theSigningRoomShotListImportsEverySetup() throws IOException {
        ShotList l = ShotListReader.read(TestData.file("production/shotlist.csv"));
        assertEquals(List.of(), l.problems());
        assertEquals(14, l.setups().size());
        assertEquals(List.of("5A", "5B", "5C", "5D", "5E", "5F", "5G"),
                l.forScene("5").stream().map(PlannedSetup::setup).toList());
        PlannedSetup master = l.forScene("5").get(0);
        assertEquals(ShotSize.WS, master.shotSize());
        assertEquals(List.of("DANI", "TOMAS", "JANA", "PAVEL", "ORIN"), master.subjects());
        PlannedSetup jana = l.setups().stream().filter(s -> s.setup().equals("3D")).findFirst().orElseThrow();
        assertEquals(ShotSize.CU, jana.shotSize());
        assertEquals(85.0, jana.focalLengthMm().orElseThrow());
        assertEquals(ShotSize.EWS, l.setups().get(0).shotSize());
        assertEquals("drone glide", l.setups().get(0).movement());

        // every scene of the shot list is in the screenplay, and every planned subject speaks or appears there
        Screenplay script = FountainParser.parse(TestData.file("production/the-signing-room.fountain"));
        for (PlannedSetup s : l.setups()) {
            Scene scene = script.scene(s.scene()).orElseThrow(() -> new AssertionError("no scene " + s.scene()));
            assertEquals(Set.of(), s.subjects().stream().filter(c -> !scene.appearing().contains(c))
                    .collect(Collectors.toSet()), "subjects of " + s.setup() + " not in scene " + s.scene());
        }
    }
}
