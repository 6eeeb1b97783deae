package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.timecode.FrameRate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AleReaderTest {

    private static String ale(String fps, String columns, String... rows) {
        StringBuilder s = new StringBuilder("Heading\nFIELD_DELIM\tTABS\nVIDEO_FORMAT\t1080\n");
        if (fps != null) {
            s.append("FPS\t").append(fps).append('\n');
        }
        s.append("\nColumn\n").append(columns).append("\n\nData\n");
        for (String row : rows) {
            s.append(row).append('\n');
        }
        return s.toString();
    }

    private static final String COLUMNS = "Name\tTape\tStart\tEnd\tScene\tTake\tCircled\tCamroll\tSource File\tCamera\tASC_SAT";

    @Test
    void readsKnownColumnsAndKeepsTheOthers() {
        AleFile f = AleReader.parse(ale("25", COLUMNS,
                "A001C001\tA001\t10:00:00:00\t10:00:04:00\t5B\t1\tY\tA001\tagain.mov\tA\t0.9"));
        assertEquals(List.of(), f.problems());
        assertEquals(Optional.of(FrameRate.FPS_25), f.fps());
        assertEquals("TABS", f.heading().get("FIELD_DELIM"));
        AleClip c = f.clips().getFirst();
        assertEquals("A001C001", c.name());
        assertEquals(Optional.of("5B"), c.scene());
        assertEquals(Optional.of("1"), c.take());
        assertTrue(c.circled());
        assertEquals(Optional.of("A001"), c.camroll());
        assertEquals(Optional.of("again.mov"), c.sourceFile());
        assertEquals(10 * 3600 * 25, c.start().orElseThrow().frame());
        assertEquals(Optional.of(100L), c.durationFrames());
        assertEquals(Map.of("Camera", "A", "ASC_SAT", "0.9"), c.extra());
        assertEquals(10, c.line(), "Heading 1-4, blank, Column 6-7, blank, Data 9");
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndTheRestIsRead() {
        AleFile f = AleReader.parse(ale("24", COLUMNS,
                "C1\tA001\t10:00:00:00\t10:00:01:00\t1\t1\tN\tA001\tc1.mov\tA\t",
                "C2\tA001\t10:00:99:00\t10:00:01:00\t1\t2\tN\tA001\tc2.mov\tA\t",       // bad Start
                "C3\tA001\t10:00:00:00\t10:00:01:00\t1\t3\tmaybe\tA001\tc3.mov\tA\t",   // bad Circled
                "C4\tA001\t10:00:00:00\t10:00:01:00\t1\t4\tY\tA001\tc4.mov\tA\t1\textra\tmore", // too many fields
                "C5\tA001\t10:00:00:00",                                                  // short: padded
                "C6\tA001\t10:00:00:00\t10:00:01:00\t1\t6\tY\tA001\tc6.mov\tA\t\t\t"));  // trailing empty tabs: fine
        assertEquals(List.of("C1", "C2", "C3", "C5", "C6"), f.clips().stream().map(AleClip::name).toList());
        assertEquals(List.of(11, 12, 13), f.problems().stream().map(Problem::line).toList(), f.problems().toString());
        assertTrue(f.problems().get(0).message().startsWith("Start: bad timecode '10:00:99:00'"), f.problems().get(0).message());
        assertTrue(f.problems().get(1).message().contains("Circled 'maybe'"));
        assertTrue(f.problems().get(2).message().contains("13 fields for 11 columns"));
        AleClip c2 = f.clips().get(1);
        assertTrue(c2.start().isEmpty(), "bad Start is dropped");
        assertTrue(c2.end().isPresent(), "the rest of the line is kept");
        assertEquals(Optional.of("2"), c2.take());
        assertTrue(f.clips().get(3).end().isEmpty());
        assertFalse(f.clips().get(2).circled());
    }

    @Test
    void dropFrameTimecodesAt2997() {
        AleFile f = AleReader.parse(ale("29.97", "Name\tStart\tEnd", "DF\t00:01:00;02\t00:10:00;00", "NDF\t00:01:00:02\t00:01:00:03"));
        assertEquals(List.of(), f.problems());
        assertEquals(1800, f.clips().get(0).start().orElseThrow().frame());
        assertEquals(Optional.of(17982L - 1800), f.clips().get(0).durationFrames());
        assertEquals(1802, f.clips().get(1).start().orElseThrow().frame());
    }

    @Test
    void aClipThatCrossesMidnight() {
        AleFile f = AleReader.parse(ale("25", "Name\tStart\tEnd", "NIGHT\t23:58:30:00\t00:01:30:00"));
        assertEquals(Optional.of(3L * 60 * 25), f.clips().getFirst().durationFrames());
    }

    @Test
    void missingFpsMeansNoTimecodesAndOneProblem() {
        AleFile f = AleReader.parse(ale(null, "Name\tStart", "A\t01:00:00:00", "B\t01:00:01:00"));
        assertEquals(2, f.clips().size());
        assertTrue(f.clips().stream().allMatch(c -> c.start().isEmpty()));
        assertEquals(1, f.problems().size(), f.problems().toString());
        assertTrue(f.problems().getFirst().message().contains("no FPS"));
    }

    @Test
    void unreadableFpsIsReportedAtItsLine() {
        AleFile f = AleReader.parse(ale("fast", "Name\tStart", "A\t01:00:00:00"));
        assertEquals(4, f.problems().getFirst().line());
        assertEquals(1, f.problems().size());
        assertEquals(1, f.clips().size());
    }

    @Test
    void notAnAle() {
        AleFile f = AleReader.parse("just some text\nnothing here\n");
        assertTrue(f.clips().isEmpty());
        assertEquals(List.of(1, 2, 0), f.problems().stream().map(Problem::line).toList());
        assertTrue(f.problems().getLast().message().contains("no Column section"));
        AleFile empty = AleReader.parse("");
        assertEquals(1, empty.problems().size());
    }

    @Test
    void dataBeforeColumnIsReported() {
        AleFile f = AleReader.parse("Heading\nFPS\t25\nData\nA\t01:00:00:00\n");
        assertTrue(f.clips().isEmpty());
        assertEquals(3, f.problems().getFirst().line());
    }

    @Test
    void duplicateAndMissingNameColumns() {
        AleFile f = AleReader.parse(ale("25", "Tape\tScene\tScene", "A001\t1\t2"));
        assertEquals(2, f.problems().size(), f.problems().toString());
        assertEquals(Optional.of("1"), f.clips().getFirst().scene(), "first Scene column wins");
        assertEquals("", f.clips().getFirst().name());
    }

    @Test
    void crlfLatin1AndBomFiles(@TempDir Path dir) throws IOException {
        String text = ale("25", "Name\tScene\tComments", "CAF\u00c9\t1\tcaf\u00e9 sc\u00e8ne").replace("\n", "\r\n");
        Path latin = dir.resolve("latin.ale");
        Files.write(latin, text.getBytes(StandardCharsets.ISO_8859_1));
        AleFile f = AleReader.read(latin);
        assertEquals(List.of(), f.problems());
        assertEquals("CAF\u00c9", f.clips().getFirst().name());
        assertEquals("caf\u00e9 sc\u00e8ne", f.clips().getFirst().extra().get("Comments"));
        Path bom = dir.resolve("bom.ale");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Files.write(bom, withBom);
        assertEquals("CAF\u00c9", AleReader.read(bom).clips().getFirst().name());
    }
}
