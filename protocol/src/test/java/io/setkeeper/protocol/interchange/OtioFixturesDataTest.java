package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.otio.OtioItem;
import io.setkeeper.protocol.interchange.otio.OtioJson;
import io.setkeeper.protocol.interchange.otio.OtioTimeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every .otio fixture is read far enough to list its clips with names, source ranges and metadata; those with
 * nothing unmodelled are rewritten by our writer and read back equal.
 */
class OtioFixturesDataTest {
    private static OtioTimeline read(String name) {
        return OtioJson.read(TestData.file("interchange/otio/" + name));
    }

    @Test
    void everyOtioIsRead() {
        List<Path> files = TestData.files("interchange/otio", ".otio");
        assertEquals(4, files.size(), files.toString());
        for (Path file : files) {
            OtioTimeline t = OtioJson.read(file);
            assertTrue(t.clips().size() > 0, file.toString());
            long other = t.items().filter(OtioItem.Other.class::isInstance).count();
            if (other == 0) {
                assertEquals(t, OtioJson.parse(OtioJson.write(t), "rewritten " + file.getFileName()),
                        "rewritten as Clip.1/Marker.2 and read back: " + file.getFileName());
            }
            System.out.printf("otio fixture %-24s %d tracks, %2d clips, %d not modelled%n", file.getFileName(),
                    t.tracks().size(), t.clips().size(), other);
            for (OtioItem.Clip c : t.clips()) {
                System.out.printf("    %-36s %s metadata %s%n", c.name(), c.sourceRange().map(r -> r.startTime().value()
                        + "+" + r.duration().value() + "@" + r.duration().rate()).orElse("-"), c.metadata().keySet());
            }
        }
    }

    @Test
    void clipsRangesAndMetadata() {
        OtioTimeline multi = read("multitrack.otio");
        assertEquals(3, multi.tracks().size());
        assertEquals(List.of("tech.fux (loop)-HD.mp4", "out-b (loop)-HD.mp4", "brokchrd (loop)-HD.mp4"),
                multi.tracks().getFirst().clips().stream().map(OtioItem.Clip::name).toList());
        assertEquals(722, multi.clips().get(1).sourceRange().orElseThrow().duration().value(), 0);

        OtioTimeline example = read("clip_example.otio");
        assertEquals(4, example.tracks().getFirst().items().size());
        OtioItem.Transition dissolve = (OtioItem.Transition) example.tracks().getFirst().items().get(2);
        assertEquals("SMPTE_Dissolve", dissolve.transitionType());
        assertEquals(2, dissolve.inOffset().value(), 0);

        OtioTimeline screening = read("screening_example.otio");
        OtioItem.Clip first = screening.clips().getFirst();
        assertEquals("ZZ100_501 (LAY3)", first.name());
        assertEquals("ZZ100_50", first.metadata().getJsonObject("cmx_3600").getString("reel"));
        assertEquals(86501, first.sourceRange().orElseThrow().startTime().value(), 0);

        OtioTimeline premiere = read("premiere_example.otio");
        assertEquals("sc01_sh010_layerA", premiere.name());
        assertTrue(premiere.clips().stream().anyMatch(c -> c.targetUrl().isPresent()), "Clip.2 media_references");
        assertTrue(premiere.items().anyMatch(i -> i instanceof OtioItem.Other o && o.schema().startsWith("Stack.")),
                "nested stacks are kept as Other");
    }
}
