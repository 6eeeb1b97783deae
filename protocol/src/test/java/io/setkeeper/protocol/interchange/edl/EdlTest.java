package io.setkeeper.protocol.interchange.edl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.LineIssue;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdlTest {
    private static final Cdl LOOK = Cdl.of("A001C003", new Rgb(1.05, 0.98, 0.91), new Rgb(-0.012, 0.003, 0.0305),
            new Rgb(1.1, 1, 0.95), 0.87);

    @Test
    void writtenEdlRoundTripsWithCdlMarkersAndSpeed(@TempDir Path dir) throws Exception {
        Edl edl = Edl.of("Day 1 fixes", 30, true, List.of(
                EdlEvent.cut("001", "A001C003", 107892, 107952, 107892, 107952, "A001C003 take 3", LOOK)
                        .withMarkers(List.of(new EdlMarker(107900, "RED", "boom in frame"))),
                EdlEvent.cut("002", "A001C004", 1800, 1801, 107952, 107982, "A001C004", null)
                        .withSpeed(new EdlSpeed("A001C004", 0, 1800)),
                new EdlEvent(0, "003", "A002", "V", "D", 15, 20000, 20030, 107982, 108012, "A001C004", "A002C001",
                        "A002C001.mov", Optional.empty(), List.of(), Optional.empty(), List.of("BLEND, DISSOLVE"))));
        Path file = dir.resolve("day1.edl");
        String text = EdlWriter.write(edl);
        Files.writeString(file, text);
        assertTrue(text.contains("*ASC_SOP (1.05 0.98 0.91)(-0.012 0.003 0.0305)(1.1 1 0.95)\n"), text);
        assertTrue(text.contains("*ASC_SAT 0.87\n"), text);
        assertTrue(text.contains("01:00:00;00"), text);

        Edl back = EdlReader.read(file, 30);
        assertEquals(List.of(), back.issues());
        assertEquals("Day 1 fixes", back.title());
        assertTrue(back.dropFrame());
        assertEquals(3, back.events().size());
        for (int i = 0; i < 3; i++) {
            EdlEvent want = edl.events().get(i);
            EdlEvent got = back.events().get(i);
            assertEquals(want.withMarkers(want.markers()), new EdlEvent(0, got.number(), got.reel(), got.track(),
                    got.transition(), got.transitionFrames(), got.sourceIn(), got.sourceOut(), got.recordIn(),
                    got.recordOut(), got.clipName(), got.toClipName(), got.sourceFile(),
                    got.cdl().map(c -> c.withId(want.cdl().map(Cdl::id).orElse(""))), got.markers(), got.speed(),
                    got.comments()), "event " + i);
        }
        assertTrue(back.events().get(1).speed().orElseThrow().freeze());
    }

    @Test
    void readsCommentVariantsAndReportsUnreadableLines() {
        String text = String.join("\r\n",
                "* a note before any event",
                "TITLE: odd one",
                "FCM: NON-DROP FRAME",
                "001  AX       V     C        01:00:04:05 01:00:05:12 00:00:00:00 00:00:01:07",
                "*FROM CLIP NAME:  ZZ100_501 (LAY3)",
                "* ASC_SOP: (0.1 0.2 0.3) (1.0 -0.0122 0.0305) (1.0 0.5 1.0)",
                "* ASC_SAT: 0.9",
                "* LOC: 00:00:00:12 GREEN",
                "* LOC: 00:00:00:13 needs a look",
                "FROM CLIP NAME: not starred",
                "garbage here",
                "002  AX       V     C        01:00:04:05 01:00:05:99 00:00:01:07 00:00:02:14",
                "003  AX       V",
                "004  AX       V     C        01:00:04:05 01:00:05:12 00:00:01:07 00:00:02:14",
                "*ASC_SOP (1 1 1)(0 0 0)(1 1 -1)",
                "005  AX       V     C        01:00:04:05 01:00:05:00 00:00:02:14 00:00:04:14",
                "M2   AX       abc                01:00:04:05",
                "");
        Edl edl = EdlReader.parse(text, 24);
        assertEquals("odd one", edl.title());
        assertEquals(3, edl.events().size());
        EdlEvent first = edl.events().get(0);
        assertEquals("not starred", first.clipName(), "the last FROM CLIP NAME wins");
        assertEquals(new Rgb(0.1, 0.2, 0.3), first.cdl().orElseThrow().slope());
        assertEquals(0.9, first.cdl().orElseThrow().saturation(), 0);
        assertEquals(List.of(new EdlMarker(12, "GREEN", ""), new EdlMarker(13, "", "needs a look")),
                first.markers());
        assertEquals(31, first.sourceDuration());
        assertEquals(Optional.empty(), edl.events().get(1).cdl());
        List<Integer> lines = edl.issues().stream().map(LineIssue::line).toList();
        assertEquals(List.of(1, 11, 12, 13, 15, 17, 16), lines, edl.issues().toString());
        assertTrue(edl.issues().get(2).reason().contains("beyond 24 fps"));
        assertTrue(edl.issues().get(4).reason().contains("power must be > 0"));
        assertTrue(edl.issues().get(6).reason().contains("differs from record length"));
    }

    @Test
    void dropFrameAnd25FpsAreReadAtTheGivenRate() {
        String df = "TITLE: df\nFCM: DROP FRAME\n001  A V C 00:00:59;28 00:01:00;02 00:10:00;00 00:10:00;02\n";
        Edl edl = EdlReader.parse(df, 30);
        assertTrue(edl.dropFrame());
        assertEquals(List.of(), edl.issues());
        assertEquals(2, edl.events().getFirst().sourceDuration(), "00:01:00;00 and ;01 do not exist");
        assertEquals(17982, edl.events().getFirst().recordIn());
        Edl at25 = EdlReader.parse(df, 25);
        assertFalse(at25.dropFrame());
        assertTrue(at25.issues().getFirst().reason().contains("drop-frame needs 30 or 60 fps"));
        String pal = "001  A V C 01:00:00:00 01:00:01:24 00:00:00:00 00:00:01:24\n";
        assertEquals(49, EdlReader.parse(pal, 25).events().getFirst().sourceDuration());
        assertEquals(1, EdlReader.parse(pal, 24).issues().size());
    }

    @Test
    void writerRefusesReelsWithSpaces() {
        Edl edl = Edl.of("t", 24, false, List.of(EdlEvent.cut("001", "A 001", 0, 1, 0, 1, "x", null)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EdlWriter.write(edl)).getMessage()
                .contains("reel"));
        assertThrows(IllegalArgumentException.class, () -> Edl.of("t", 25, true, List.of()));
    }
}
