package io.setkeeper.protocol.interchange.ale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.LineIssue;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AleTest {
    private static final Cdl LOOK = Cdl.of("A001C003", new Rgb(1.05, 0.98, 0.91), new Rgb(-0.012, 0.003, 0.0305),
            new Rgb(1.1, 1, 0.95), 0.87);

    @Test
    void writtenAleRoundTrips(@TempDir Path dir) throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Tape", "A001");
        extra.put("Start", "10:00:00:00");
        extra.put("Camera", "A");
        List<AleClip> clips = List.of(
                AleClip.of("A001C003", "5A", "3", true, LOOK, extra),
                AleClip.of("A001C004", "5A", "4", false, null, Map.of("Tape", "A001", "Comments", "soft focus")));
        Path file = dir.resolve("day1.ale");
        Files.writeString(file, AleWriter.write("25", Map.of("AUDIO_FORMAT", "48khz"), clips));

        Ale ale = AleReader.read(file);
        assertEquals(List.of(), ale.issues());
        assertEquals("25", ale.heading().get("FPS"));
        assertEquals("48khz", ale.heading().get("AUDIO_FORMAT"));
        assertEquals(List.of("Name", "Scene", "Take", "Circled", "ASC_SOP", "ASC_SAT", "Tape", "Start", "Camera",
                "Comments"), ale.columns());
        assertEquals(2, ale.clips().size());
        AleClip first = ale.clips().get(0);
        assertEquals("A001C003", first.name());
        assertEquals("5A", first.scene());
        assertEquals("3", first.take());
        assertTrue(first.circled());
        assertEquals(Optional.of(LOOK), first.cdl());
        assertEquals("10:00:00:00", first.other().get("Start"));
        AleClip second = ale.clips().get(1);
        assertFalse(second.circled());
        assertEquals(Optional.empty(), second.cdl());
        assertEquals("soft focus", second.other().get("Comments"));
        assertEquals("", second.other().get("ASC_SOP"), "an empty CDL column stays an empty column");
    }

    @Test
    void oddColumnsAndBadRowsAreReportedAndTheRestIsRead() {
        String text = String.join("\r\n",
                "stray text",
                "Heading",
                "FIELD_DELIM\tTABS",
                "FPS\t29.97",
                "NO_TAB_HERE",
                "",
                "Column",
                "Name\tTake\t\tTake\tASC_SOP\tASC_SAT\tWeird Column!",
                "",
                "Data",
                "clip1\t1\tx\t1b\t(1 1 1)(0 0 0)(1 1 1)\t1.2\tw1",
                "clip2\t2\t\t\t(1 1 1)(0 0)(1 1 1)\t1\tw2",
                "clip3\t3\t\t\t(1 1 1)(0 0 0)(1 -2 1)\t1",
                "clip4\t4\t\t\t\t\tw4\textra!",
                "clip5",
                "");
        Ale ale = AleReader.parse(text);
        assertEquals(5, ale.clips().size(), "every data row is kept");
        assertEquals(List.of("Name", "Take", "#3", "Take#2", "ASC_SOP", "ASC_SAT", "Weird Column!"), ale.columns());
        List<Integer> lines = ale.issues().stream().map(LineIssue::line).toList();
        assertEquals(List.of(1, 5, 8, 8, 12, 13, 14), lines, ale.issues().toString());
        assertEquals(1.2, ale.clips().get(0).cdl().orElseThrow().saturation(), 0);
        assertEquals("1b", ale.clips().get(0).other().get("Take#2"));
        assertEquals("w1", ale.clips().get(0).other().get("Weird Column!"));
        assertEquals(Optional.empty(), ale.clips().get(1).cdl());
        assertEquals("(1 1 1)(0 0)(1 1 1)", ale.clips().get(1).other().get("ASC_SOP"), "unread CDL text is kept");
        assertTrue(ale.issues().get(5).reason().contains("power must be > 0"), ale.issues().get(5).reason());
        assertEquals("extra!", ale.clips().get(3).other().get("#8"));
        assertEquals("", ale.clips().get(4).take(), "a short row has empty trailing fields");
        assertEquals(14, ale.clips().get(3).line());
    }

    @Test
    void dataWithoutColumnsIsReportedLineByLine() {
        Ale ale = AleReader.parse("Heading\nFPS\t24\n\nData\na\tb\nc\td\n");
        assertEquals(List.of(), ale.clips());
        assertEquals(List.of(5, 6), ale.issues().stream().map(LineIssue::line).toList());
    }

    @Test
    void writerRefusesValuesThatWouldBreakTheFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> AleWriter.write("24", Map.of(),
                List.of(AleClip.of("a\tb", "1", "1", false, null, Map.of()))));
        assertTrue(e.getMessage().contains("tab"), e.getMessage());
    }
}
