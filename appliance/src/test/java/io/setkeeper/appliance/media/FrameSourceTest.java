package io.setkeeper.appliance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame source on generated clips: sizes, timestamps, rotation, truncation and files without video. */
class FrameSourceTest {
    @TempDir
    Path tmp;

    record Run(FrameSource.Outcome outcome, FrameSource.Info info, List<Frame> frames) {
    }

    static Run decode(Path file, FrameSource.Options options) {
        List<Frame> frames = new ArrayList<>();
        FrameSource.Info[] info = new FrameSource.Info[1];
        FrameSource.Outcome o = FrameSource.decode(file, options, new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info i) {
                info[0] = i;
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame frame = decoded.requireColour();
                assertEquals(frames.size(), index);
                frames.add(frame);
            }
        });
        return new Run(o, info[0], frames);
    }

    private Path ffmpeg(String name, String... args) throws Exception {
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
                "testsrc=size=640x360:rate=25", "-t", "8"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), "ffmpeg generated " + name);
        return out;
    }

    @Test
    void proresClipIsDecodedScaledWithTimestamps() throws IOException {
        Path clip = tmp.resolve("A.mov");
        SampleClipWriter.write(clip, new SampleClipSpec("A", 640, 360, 24000, 1001, "01:00:00:00", 48));
        Run r = decode(clip, new FrameSource.Options(320, FrameSource.Hardware.AUTO, 0));
        assertInstanceOf(FrameSource.Outcome.Complete.class, r.outcome());
        assertEquals(48, r.frames().size());
        assertEquals(320, r.frames().getFirst().width());
        assertEquals(180, r.frames().getFirst().height());
        assertEquals("software", r.info().decoder(), "ProRes never goes to NVDEC");
        long step = r.frames().get(11).ptsMicros() - r.frames().get(10).ptsMicros();
        assertEquals(41708, step, 2, "24000/1001 fps");
        assertEquals(TransferFunction.SDR, r.info().transfer());
    }

    @Test
    void h264FallsBackToSoftwareAndReportsRotation() throws Exception {
        Path plain = ffmpeg("plain.mp4", "-c:v", "mpeg4");
        Path clip = tmp.resolve("rot.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", plain.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90", clip.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        Run r = decode(clip, FrameSource.Options.defaults());
        assertEquals(200, r.frames().size());
        assertEquals(480, r.info().width());
        assertEquals(270, r.info().height());
        int probed = ((ProbeResult.Probed) MediaProbe.probe(clip)).data().video().orElseThrow().rotation();
        assertEquals(90, Math.abs(probed), "the remux wrote a quarter-turn display matrix");
        assertEquals(probed, r.info().rotation(), "reported with the probe's sign convention, not applied");
        assertEquals(480, r.frames().getFirst().width(), "pixels stay in stored orientation");
        assertInstanceOf(FrameSource.Outcome.Complete.class, r.outcome());
    }

    @Test
    void truncatedClipDeliversItsFramesThenAClearError() throws Exception {
        Path full = ffmpeg("full.mkv", "-c:v", "mpeg4", "-q:v", "3");
        byte[] all = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.mkv"), java.util.Arrays.copyOf(all, all.length * 2 / 5));
        Run r = decode(cut, FrameSource.Options.defaults());
        FrameSource.Outcome.Partial p = assertInstanceOf(FrameSource.Outcome.Partial.class, r.outcome());
        assertTrue(r.frames().size() > 20 && r.frames().size() < 150, "frames before the cut: " + r.frames().size());
        assertTrue(p.reason().toLowerCase().contains("truncated"), p.reason());
    }

    @Test
    void audioOnlyAndMissingFilesFailClearly() throws IOException {
        Path wav = TestClips.wav(tmp.resolve("sound.wav"), 500);
        FrameSource.Outcome.Failed f = assertInstanceOf(FrameSource.Outcome.Failed.class,
                decode(wav, FrameSource.Options.defaults()).outcome());
        assertTrue(f.reason().contains("no video"), f.reason());
        assertInstanceOf(FrameSource.Outcome.Failed.class,
                decode(tmp.resolve("missing.mov"), FrameSource.Options.defaults()).outcome());
    }

    @Test
    void lumaOnEveryFrameColourAndDetailOnlyWhereAsked() throws Exception {
        // limited-range H.264 of a picture half black, half white: the luma plane comes out full range
        Path clip = tmp.resolve("bw.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
                "color=black:size=1280x720:rate=25,drawbox=x=640:y=0:w=640:h=720:color=white:t=fill", "-t", "1",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-color_range", "tv", clip.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        List<io.setkeeper.appliance.analysis.Decoded> got = new ArrayList<>();
        FrameSource.Outcome o = FrameSource.decode(clip, FrameSource.Options.defaults(), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info info) {
                assertEquals(960, info.detailWidth());
                assertEquals(540, info.detailHeight());
            }

            @Override
            public FrameSource.Want want(long index, long pts) {
                return index == 0 ? FrameSource.Want.DETAIL : index % 5 == 0 ? FrameSource.Want.COLOUR
                        : FrameSource.Want.LUMA;
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded d, long index) {
                got.add(d);
            }
        });
        assertInstanceOf(FrameSource.Outcome.Complete.class, o);
        assertEquals(25, got.size());
        var first = got.getFirst();
        assertEquals(960, first.detail().width());
        assertEquals(480, first.colour().width());
        assertEquals(null, got.get(1).colour(), "luma only when only luma was asked for");
        assertEquals(null, got.get(5).detail());
        assertTrue(got.get(5).hasColour());
        byte[] y = got.get(3).luma();
        assertEquals(480 * 270, y.length);
        assertTrue((y[135 * 480 + 100] & 0xff) <= 2, "black is 0 in full range, was " + (y[135 * 480 + 100] & 0xff));
        assertTrue((y[135 * 480 + 380] & 0xff) >= 253, "white is 255 in full range, was " + (y[135 * 480 + 380] & 0xff));
        Frame c = first.colour();
        assertTrue(c.at(380, 135, 2) >= 253 && c.at(100, 135, 1) <= 2, "the colour frame has the same levels");
    }

    @Test
    void analysisSizeKeepsAspectAndNeverUpscales() {
        assertEquals(List.of(480, 270), List.of(FrameSource.analysisSize(1920, 1080, 480)[0],
                FrameSource.analysisSize(1920, 1080, 480)[1]));
        assertEquals(320, FrameSource.analysisSize(320, 240, 480)[0]);
        assertEquals("h264_cuvid", FrameSource.hardwareDecoder("h264", FrameSource.Hardware.AUTO));
        assertEquals(null, FrameSource.hardwareDecoder("prores", FrameSource.Hardware.NVDEC));
        assertEquals(null, FrameSource.hardwareDecoder("hevc", FrameSource.Hardware.SOFTWARE));
    }
}
