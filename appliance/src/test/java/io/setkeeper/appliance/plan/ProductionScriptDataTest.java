package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.plan.ScriptElement.Setting;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The production's own screenplay, {@code production/the-signing-room.fountain}. */
class ProductionScriptDataTest {

    @Test
    void theSigningRoomHasFiveScenesWithTheirCharacters() throws IOException {
        Screenplay s = FountainParser.parse(TestData.file("production/the-signing-room.fountain"));
        assertEquals(List.of(), s.problems());
        assertEquals("The Signing Room", s.titlePage().get("Title"));
        assertEquals(List.of("1", "2", "3", "4", "5"), s.scenes().stream().map(Scene::id).toList());
        assertEquals(List.of("COASTLINE", "CITY STREET", "ROOFTOP", "CAMPUS PLAZA", "TRAINING ROOM"),
                s.scenes().stream().map(Scene::location).toList());
        assertEquals(List.of(Setting.EXT, Setting.EXT, Setting.EXT, Setting.INT, Setting.INT),
                s.scenes().stream().map(Scene::setting).toList());
        assertEquals(List.of("DAY", "DAY", "DAY", "DAY", "DAY"), s.scenes().stream().map(Scene::timeOfDay).toList());

        for (int i = 0; i < 2; i++) {
            assertEquals(Set.of(), s.scenes().get(i).speakers());
            assertEquals(Set.of(), s.scenes().get(i).appearing());
        }
        Scene roof = s.scene("3").orElseThrow();
        assertEquals(Set.of("JANA"), roof.speakers());
        assertEquals(Set.of("JANA"), roof.appearing());
        assertEquals(List.of("(signing)"), roof.dialogue().get(0).parentheticals());
        assertEquals(List.of("I learned this language here."), roof.dialogue().get(0).lines());

        Scene training = s.scene("5").orElseThrow();
        assertEquals(List.of("INSTRUCTOR", "DANI", "TOMAS", "JANA", "PAVEL", "ORIN"),
                List.copyOf(training.speakers()));
        assertEquals(List.of("DANI", "TOMAS", "JANA", "PAVEL", "ORIN"), List.copyOf(training.onScreenSpeakers()));
        assertEquals(Set.of("DANI", "TOMAS", "JANA", "PAVEL", "ORIN"), training.appearing());
        assertEquals(List.of("V.O."), training.dialogue().get(0).extensions());
        assertEquals(7, training.dialogue().size());
        assertEquals(List.of("Milk. Please."), training.dialogue().get(2).lines());
    }
}
