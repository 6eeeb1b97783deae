package io.setkeeper.appliance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo clips round-trip through our own probe: codec, exact frame rate, timecode, frame count and a real picture. */
class SampleClipWriterTest {
    @TempDir
    Path dir;

    private ProbeData writeAndProbe(SampleClipSpec spec) throws Exception {
        Path file = dir.resolve(spec.name() + ".mov");
        SampleClipWriter.write(file, spec);
        return assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(file)).data();
    }

    @Test
    void proxyAt23976RoundTripsTimecodeAndRate() throws Exception {
        ProbeData d = writeAndProbe(SampleClipSpec.proxy("A001C007", "01:00:00:00", 2));
        VideoTrack v = d.video().orElseThrow();
        assertEquals("prores", v.codec());
        assertEquals(640, v.width());
        assertEquals(360, v.height());
        assertEquals(Rational.of(24000, 1001), v.frameRate());
        assertEquals(48, v.frameCount());
        assertEquals("yuv422p10le", v.pixelFormat());
        assertEquals(10, v.bitDepth());
        assertEquals(TransferFunction.SDR, v.transfer());
        assertEquals("01:00:00:00", d.startTimecodeText());
        assertEquals(false, d.startTimecode().orElseThrow().dropFrame());
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", d.container());
    }

    @Test
    void pal25RoundTrips() throws Exception {
        ProbeData d = writeAndProbe(new SampleClipSpec("B002C003", 320, 180, 25, 1, "23:59:59:20", 10));
        assertEquals(Rational.of(25, 1), d.video().orElseThrow().frameRate());
        assertEquals(10, d.video().orElseThrow().frameCount());
        assertEquals("23:59:59:20", d.startTimecodeText());
    }

    @Test
    void dropFrameRoundTrips() throws Exception {
        ProbeData d = writeAndProbe(new SampleClipSpec("C003C001", 320, 180, 30000, 1001, "00:59:59;28", 6));
        assertEquals(Rational.of(30000, 1001), d.video().orElseThrow().frameRate());
        assertEquals("00:59:59;28", d.startTimecodeText());
        assertTrue(d.startTimecode().orElseThrow().dropFrame());
    }

    @Test
    void framesArePicturesThatMove() throws Exception {
        Path file = dir.resolve("moving.mov");
        SampleClipWriter.write(file, new SampleClipSpec("MOVING", 256, 144, 25, 1, "01:00:00:00", 20));
        PictureStats first = PictureStats.ofFrame(file, 0);
        PictureStats later = PictureStats.ofFrame(file, 10);
        assertTrue(first.stdDev() > 30, "bars and ramp give contrast, not a flat frame: " + first);
        assertTrue(first.meanAbsDiff(later) > 1.0, "the ball and the timecode move between frames");
    }

    @Test
    void noHalfWrittenFileIsLeftOnFailure() throws Exception {
        Path blocker = Files.createDirectory(dir.resolve("taken.mov"));
        Files.writeString(blocker.resolve("inside"), "x");
        assertThrows(java.io.IOException.class,
                () -> SampleClipWriter.write(blocker, new SampleClipSpec("X", 128, 72, 25, 1, "01:00:00:00", 2)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the blocking folder remains, no .part file");
        }
    }

    @Test
    void specRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new SampleClipSpec("X", 641, 360, 25, 1, "01:00:00:00", 10));
        assertThrows(IllegalArgumentException.class, () -> new SampleClipSpec("X", 640, 360, 25, 1, "01:00:00;00", 10));
        assertThrows(IllegalArgumentException.class, () -> new SampleClipSpec("X", 640, 360, 25, 1, "01:00:00:00", 0));
    }
}
