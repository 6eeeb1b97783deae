package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.ale.Ale;
import io.setkeeper.protocol.interchange.ale.AleClip;
import io.setkeeper.protocol.interchange.ale.AleReader;
import io.setkeeper.protocol.interchange.ale.AleWriter;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both Avid ALE fixtures (OpenTimelineIO test files) are read, checked, and round-trip through our writer. */
class AleFixturesDataTest {
    private static Ale read(String name) {
        return AleReader.read(TestData.file("interchange/otio/" + name));
    }

    @Test
    void everyAleIsReadAndRoundTrips() {
        List<Path> files = TestData.files("interchange/otio", ".ale");
        assertEquals(2, files.size(), files.toString());
        for (Path file : files) {
            Ale ale = AleReader.read(file);
            assertTrue(ale.clips().size() > 0, file.toString());
            Ale back = AleReader.parse(AleWriter.write(ale.heading().getOrDefault("FPS", "24"), ale.heading(),
                    ale.clips()));
            assertEquals(List.of(), back.issues(), file.toString());
            assertEquals(strip(ale.clips()), strip(back.clips()), file.toString());
            assertEquals(ale.heading(), back.heading());
            System.out.printf("ale fixture %-16s %3d columns, %d clips, %d with CDL, %d lines reported%n",
                    file.getFileName(), ale.columns().size(), ale.clips().size(),
                    ale.clips().stream().filter(c -> c.cdl().isPresent()).count(), ale.issues().size());
            ale.issues().forEach(i -> System.out.println("    " + i));
        }
    }

    @Test
    void wideSampleKeepsAllColumns() {
        Ale ale = read("sample.ale");
        assertEquals(List.of(), ale.issues());
        assertEquals("24", ale.heading().get("FPS"));
        assertTrue(ale.columns().size() > 120, "columns: " + ale.columns().size());
        assertEquals(List.of("test_017056", "test_017057", "test_017058", "Something"),
                ale.clips().stream().map(AleClip::name).toList());
        AleClip first = ale.clips().getFirst();
        assertEquals("00:00:04:03", first.other().get("Duration"));
        assertEquals("DNxHD 36 (HD1080p)", first.other().get("Video"));
        assertEquals("YCbCr REC709 [video levels]", first.other().get("Color Space"));
        assertEquals(ale.columns().size() - 3, first.other().size(), "all but Name, Scene, Take in other");
        assertTrue(first.cdl().isEmpty());
    }

    @Test
    void cdlSampleCarriesPerClipCdl() {
        Ale ale = read("sample_cdl.ale");
        assertEquals(List.of(), ale.issues());
        assertEquals(4, ale.clips().size());
        Cdl first = ale.clips().getFirst().cdl().orElseThrow();
        assertEquals(new Rgb(0.8714, 0.9334, 0.9947), first.slope());
        assertEquals(new Rgb(-0.087, -0.0922, -0.0808), first.offset());
        assertEquals(new Rgb(0.9988, 1.0218, 1.0101), first.power());
        assertEquals(0.9, first.saturation(), 0);
        assertEquals(new Rgb(0.8604, 0.9252, 0.9755), ale.clips().get(2).cdl().orElseThrow().slope());
        assertEquals("1657", ale.clips().get(1).other().get("UNC First Frame"));
        assertTrue(ale.clips().get(0).other().get("CDL").startsWith("(0.8714 0.9334 0.9947)"));
    }

    private static List<AleClip> strip(List<AleClip> clips) {
        return clips.stream().map(c -> new AleClip(0, c.name(), c.scene(), c.take(), c.circled(), c.cdl(),
                c.other())).toList();
    }
}
