package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.ale.AleLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterchangeTextTest {

    @Test
    void linesEndAtLfCrlfOrCrAndTheBomIsDropped() {
        assertEquals(List.of("a", "b", "", "c", "d"), InterchangeText.lines("\uFEFFa\r\nb\n\rc\rd"));
        assertEquals(List.of("a"), InterchangeText.lines("a\n"));
        assertEquals(List.of(), InterchangeText.lines(""));
    }

    @Test
    void latin1FallbackAndEmptyFiles(@TempDir Path dir) throws IOException {
        Path latin = Files.write(dir.resolve("l.edl"), "CAF\u00c9".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("CAF\u00c9", InterchangeText.read(latin, "an EDL"));
        Path empty = Files.write(dir.resolve("e.ale"), new byte[0]);
        assertTrue(assertThrows(InterchangeException.class, () -> InterchangeText.read(empty, "an ALE"))
                .getMessage().contains("empty file, not an ALE"));
    }

    @Test
    void aleSectionsWithLineNumbers() {
        List<String> seen = new ArrayList<>();
        AleLines.scan("x\rHeading\nFPS\t25\n\n column \nName\nData\nA\n",
                (section, keyword, number, text) -> seen.add(number + " " + section + (keyword ? " keyword" : "")));
        assertEquals(List.of("1 START", "2 HEADING keyword", "3 HEADING", "5 COLUMN keyword", "6 COLUMN",
                "7 DATA keyword", "8 DATA"), seen);
    }
}
