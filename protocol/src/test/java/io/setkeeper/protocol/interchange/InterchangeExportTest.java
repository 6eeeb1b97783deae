package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.ale.Ale;
import io.setkeeper.protocol.interchange.ale.AleReader;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.CdlDocument;
import io.setkeeper.protocol.interchange.cdl.CdlXml;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import io.setkeeper.protocol.interchange.edl.Edl;
import io.setkeeper.protocol.interchange.edl.EdlReader;
import io.setkeeper.protocol.interchange.otio.OtioCdl;
import io.setkeeper.protocol.interchange.otio.OtioItem;
import io.setkeeper.protocol.interchange.otio.OtioJson;
import io.setkeeper.protocol.interchange.otio.OtioTimeline;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterchangeExportTest {
    private static JsonObject approval(String who) {
        return Json.createObjectBuilder().add("decision", "APPROVE").add("by", who).add("role", "DIT")
                .add("reason", "matches the 5A wide").add("at", "2026-11-22T02:50:00Z").build();
    }

    private static final List<ExportClip> CLIPS = List.of(
            new ExportClip("A001C003 take 3", "A001", "5A", "3", true,
                    Cdl.of("proposal-17", new Rgb(1.05, 0.98, 0.91), new Rgb(-0.012, 0.003, 0.0305),
                            new Rgb(1.1, 1, 0.95), 0.87),
                    107892, 108012, Optional.of("file:///media/A001C003.mov"), approval("Jana")),
            new ExportClip("A001C004", "A001", "5A", "4", false,
                    Cdl.of("proposal-18", new Rgb(0.93, 1.0, 1.07), new Rgb(0.01, 0, -0.02), new Rgb(1, 1.02, 1),
                            1.1),
                    1800, 1830, Optional.empty(), approval("Petr")));

    @Test
    void oneCdlEverywhere(@TempDir Path dir) throws Exception {
        Map<String, Path> files = InterchangeExport.writeAll(dir, "day 1", "Day 1 fixes", 30, true, CLIPS);
        assertEquals(List.of("day_1.ccc", "day_1.cdl", "day_1.ale", "day_1.edl", "day_1.otio",
                "A001C003_take_3.cc", "A001C004.cc"), List.copyOf(files.keySet()));
        try (var list = Files.list(dir)) {
            assertEquals(7, list.count(), "no temporary files left");
        }

        List<List<Cdl>> seen = new ArrayList<>();
        seen.add(List.of(CdlXml.read(files.get("A001C003_take_3.cc")).cdls().getFirst(),
                CdlXml.read(files.get("A001C004.cc")).cdls().getFirst()));
        seen.add(CdlXml.read(files.get("day_1.ccc")).cdls());
        CdlDocument cdl = CdlXml.read(files.get("day_1.cdl"));
        seen.add(cdl.cdls());
        assertEquals(Optional.of("file:///media/A001C003.mov"), cdl.entries().getFirst().mediaRef());

        Ale ale = AleReader.read(files.get("day_1.ale"));
        assertEquals(List.of(), ale.issues());
        seen.add(ale.clips().stream().map(c -> c.cdl().orElseThrow()).toList());
        assertEquals("5A", ale.clips().getFirst().scene());
        assertEquals("3", ale.clips().getFirst().take());
        assertTrue(ale.clips().getFirst().circled());
        assertFalse(ale.clips().get(1).circled());
        assertEquals("00:00:04;00", ale.clips().getFirst().other().get("Duration"));
        assertEquals("01:00:00;00", ale.clips().getFirst().other().get("Start"));
        assertEquals("29.97", ale.heading().get("FPS"));

        Edl edl = EdlReader.read(files.get("day_1.edl"), 30);
        assertEquals(List.of(), edl.issues());
        assertTrue(edl.dropFrame());
        assertEquals(2, edl.events().size());
        assertEquals(107892, edl.events().getFirst().recordIn(), "01:00:00;00 drop-frame");
        assertEquals(edl.events().get(0).recordOut(), edl.events().get(1).recordIn(), "end to end");
        assertEquals(1800, edl.events().get(1).sourceIn());
        seen.add(edl.events().stream().map(e -> e.cdl().orElseThrow()).toList());

        OtioTimeline otio = OtioJson.read(files.get("day_1.otio"));
        List<OtioItem.Clip> clips = otio.clips();
        seen.add(clips.stream().map(c -> OtioCdl.fromMetadata(c.name(), c.metadata()).orElseThrow()).toList());
        assertEquals(Optional.of(approval("Jana")), OtioCdl.approval(clips.getFirst().metadata()));
        assertEquals(Optional.of(approval("Petr")), OtioCdl.approval(clips.get(1).metadata()));
        assertEquals(120, clips.getFirst().sourceRange().orElseThrow().duration().value(), 0);

        for (List<Cdl> cdls : seen) {
            assertEquals(2, cdls.size());
            for (int i = 0; i < 2; i++) {
                assertTrue(cdls.get(i).sameValues(CLIPS.get(i).cdl(), 0), "exact values: " + cdls.get(i));
            }
        }
        assertEquals(6, seen.size());
    }

    @Test
    void aBatchNoFormatCanTakeWritesNothing(@TempDir Path dir) throws Exception {
        ExportClip spaced = new ExportClip("A002C001", "A 002", "6", "1", false, CLIPS.get(1).cdl(), 0, 10,
                Optional.empty(), approval("Jana"));
        Path out = dir.resolve("out");
        var e = assertThrows(IllegalArgumentException.class,
                () -> InterchangeExport.writeAll(out, "b", "t", 25, false, List.of(CLIPS.get(1), spaced)));
        assertTrue(e.getMessage().contains("reel"), e.getMessage());
        assertFalse(Files.exists(out));
        assertThrows(IllegalArgumentException.class,
                () -> InterchangeExport.writeAll(out, "b", "t", 25, false, List.of(CLIPS.get(1), CLIPS.get(1))));
        assertThrows(IllegalArgumentException.class, () -> new ExportClip("x", "r", "", "", false,
                CLIPS.get(1).cdl(), 10, 10, Optional.empty(), approval("J")));
    }
}
