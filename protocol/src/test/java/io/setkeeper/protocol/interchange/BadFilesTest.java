package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.ale.Ale;
import io.setkeeper.protocol.interchange.ale.AleReader;
import io.setkeeper.protocol.interchange.cdl.CdlXml;
import io.setkeeper.protocol.interchange.edl.Edl;
import io.setkeeper.protocol.interchange.edl.EdlReader;
import io.setkeeper.protocol.interchange.otio.OtioJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-length, binary and missing files get a clear error or line issues, never a crash or silent success. */
class BadFilesTest {
    @Test
    void emptyFilesAreRefusedByName(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"a.edl", "a.ale", "a.cc", "a.otio"}) {
            Path file = Files.createFile(dir.resolve(name));
            var e = assertThrows(InterchangeException.class, () -> {
                switch (name) {
                    case "a.edl" -> EdlReader.read(file, 24);
                    case "a.ale" -> AleReader.read(file);
                    case "a.cc" -> CdlXml.read(file);
                    default -> OtioJson.read(file);
                }
            });
            assertTrue(e.getMessage().contains("a."), e.getMessage());
        }
        assertThrows(InterchangeException.class, () -> EdlReader.read(dir.resolve("missing.edl"), 24));
    }

    @Test
    void binaryGarbageIsReportedLineByLine(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = dir.resolve("noise.edl");
        Files.write(file, noise);
        Edl edl = EdlReader.read(file, 24);
        assertEquals(0, edl.events().size());
        assertTrue(edl.issues().size() > 5, "every non-blank line is reported: " + edl.issues().size());
        Files.write(dir.resolve("noise.ale"), noise);
        Ale ale = AleReader.read(dir.resolve("noise.ale"));
        assertEquals(0, ale.clips().size());
        assertTrue(ale.issues().size() > 5);
        Files.write(dir.resolve("noise.cc"), noise);
        assertThrows(InterchangeException.class, () -> CdlXml.read(dir.resolve("noise.cc")));
        Files.write(dir.resolve("noise.otio"), noise);
        assertThrows(InterchangeException.class, () -> OtioJson.read(dir.resolve("noise.otio")));
    }
}
