package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production's script supervisor log, cross-checked with the camera roll ALE. */
class SupervisorLogReaderDataTest {

    @Test
    void everyClipOfTheProduction() throws IOException {
        Parsed<SupervisorEntry> log = SupervisorLogReader.read(TestData.file("production/script-supervisor-log.csv"));
        assertEquals(List.of(), log.problems());
        assertEquals(18, log.rows().size());
        for (SupervisorEntry e : log.rows()) {
            assertTrue(Files.exists(TestData.root().resolve(e.file())), "log names a real file: " + e.file());
        }
        SupervisorEntry karma = log.rows().getFirst();
        assertEquals(Optional.of("drone unit"), karma.notes());
        assertEquals(Optional.of("B"), karma.camera());
        assertEquals(Optional.of("1A"), karma.setup());
        assertEquals(List.of("1", "2", "3", "3", "3", "4", "5"),
                log.rows().stream().limit(7).map(e -> e.scene().orElseThrow()).toList());
        assertEquals(11, log.rows().stream().filter(SupervisorEntry::circled).count());
    }

    @Test
    void agreesWithTheCameraRollAle() throws IOException {
        Parsed<SupervisorEntry> log = SupervisorLogReader.read(TestData.file("production/script-supervisor-log.csv"));
        AleFile ale = AleReader.read(TestData.file("production/A001.ale"));
        for (AleClip clip : ale.clips()) {
            String source = clip.sourceFile().orElseThrow();
            SupervisorEntry e = log.rows().stream().filter(r -> r.file().endsWith("/" + source)).findFirst().orElseThrow();
            assertEquals(clip.scene(), e.setup(), source + ": ALE Scene is the setup");
            assertEquals(clip.take(), e.take(), source);
            assertEquals(clip.circled(), e.circled(), source);
        }
    }
}
