package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.qc.Finding;
import io.setkeeper.appliance.media.FrameSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs, each made with the system ffmpeg and run through the whole per-clip analysis (decode,
 * luma and colour conversion, QC): an 8K HEVC frame, a 4K HDR 10-bit clip, broken (repeated) timestamps, a variable
 * frame rate, a clip cut off mid-stream, a rotated clip, a file without video. Each is analysed as far as it goes or
 * fails with a clear reason; one after the other in the same JVM, so a native crash in the converter would end the
 * run here.
 */
class BadInputAnalysisTest {
    @TempDir
    Path tmp;

    private Path ffmpeg(String name, String... args) throws Exception {
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), "ffmpeg made " + name);
        return out;
    }

    private static ClipAnalysis.Result analyse(Path clip) throws InterruptedException {
        return ClipAnalysis.run(clip, FrameSource.Options.defaults(), null, 0, n -> { });
    }

    @Test
    void an8kHevcFrameIsScaledDownAndChecked() throws Exception {
        Path clip = ffmpeg("8k.mp4", "-f", "lavfi", "-i", "testsrc2=size=7680x4320:rate=24", "-frames:v", "2",
                "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p");
        ClipAnalysis.Result r = analyse(clip);
        assertEquals(2, r.outcome().frames());
        FrameSource.Info info = r.info().orElseThrow();
        assertEquals(List.of(7680, 4320, 480, 270), List.of(info.sourceWidth(), info.sourceHeight(), info.width(),
                info.height()));
        assertTrue(r.qc().orElseThrow().meanLuma() > 30, "a lit test picture, mean " + r.qc().get().meanLuma());
        assertEquals(1, r.kept().size());
    }

    @Test
    void a4kHdr10BitClipIsAnalysedWithItsTransferReported() throws Exception {
        Path clip = ffmpeg("hdr.mov", "-f", "lavfi", "-i", "testsrc2=size=3840x2160:rate=25", "-frames:v", "6",
                "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le",
                "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc");
        ClipAnalysis.Result r = analyse(clip);
        assertInstanceOf(FrameSource.Outcome.Complete.class, r.outcome());
        assertEquals(6, r.outcome().frames());
        assertEquals(io.setkeeper.appliance.media.TransferFunction.PQ, r.info().orElseThrow().transfer());
        assertEquals(10, r.info().get().bitDepth());
        assertTrue(r.qc().orElseThrow().colour().samples() > 0, "colour frames were converted from 10-bit");
    }

    @Test
    void repeatedTimestampsAreRepairedAndVariableRateIsReportedNotFatal() throws Exception {
        Path plain = ffmpeg("plain.mkv", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "4", "-c:v",
                "libx264", "-preset", "ultrafast", "-bf", "0");
        // every 10th packet gets the previous packet's timestamp (a broken muxer)
        Path broken = ffmpeg("broken.mkv", "-i", plain.toString(), "-c", "copy", "-bsf:v",
                "setts=ts='if(eq(mod(N,10),9),PREV_OUTPTS,PTS)'");
        ClipAnalysis.Result r = analyse(broken);
        assertTrue(r.outcome().frames() >= 95, "frames " + r.outcome().frames());
        List<Long> pts = new ArrayList<>();
        r.kept().forEach(k -> pts.add(k.frame().ptsMicros()));
        for (int i = 1; i < pts.size(); i++) {
            assertTrue(pts.get(i) > pts.get(i - 1), "kept frames in increasing time: " + pts);
        }
        // variable frame rate: the second half of the clip at half the rate
        Path vfr = ffmpeg("vfr.mkv", "-i", plain.toString(), "-c", "copy", "-bsf:v",
                "setts=ts='if(lt(N,50),PTS,2*PTS-50*PTS/N)'");
        ClipAnalysis.Result v = analyse(vfr);
        assertEquals(100, v.outcome().frames());
        assertTrue(v.qc().orElseThrow().findings().stream().anyMatch(f -> f.type() == Finding.Type.DROPPED_FRAMES),
                "the rate change reads as missing frames: " + v.qc().get().findings());
    }

    @Test
    void aClipCutOffMidStreamKeepsWhatDecodedAndSaysWhy() throws Exception {
        Path full = ffmpeg("full.mov", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "6", "-c:v",
                "prores_ks", "-profile:v", "0", "-movflags", "+faststart");
        byte[] all = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.mov"), java.util.Arrays.copyOf(all, all.length / 2));
        ClipAnalysis.Result r = analyse(cut);
        FrameSource.Outcome.Partial p = assertInstanceOf(FrameSource.Outcome.Partial.class, r.outcome());
        assertTrue(p.frames() > 30 && p.frames() < 120, "frames before the cut: " + p.frames());
        assertTrue(p.reason().toLowerCase().contains("truncated") || p.reason().toLowerCase().contains("corrupt"),
                p.reason());
        assertTrue(r.qc().isPresent(), "what decoded is checked");
    }

    @Test
    void aRotatedPhoneClipAndAFileWithoutVideo() throws Exception {
        Path portrait = ffmpeg("portrait.mp4", "-f", "lavfi", "-i", "testsrc2=size=1080x1920:rate=30", "-t", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-metadata:s:v:0", "rotate=90");
        ClipAnalysis.Result r = analyse(portrait);
        assertEquals(30, r.outcome().frames());
        assertEquals(List.of(270, 480), List.of(r.info().orElseThrow().width(), r.info().get().height()));
        Path sound = ffmpeg("sound.wav", "-f", "lavfi", "-i", "sine=frequency=440:duration=1");
        ClipAnalysis.Result s = analyse(sound);
        FrameSource.Outcome.Failed f = assertInstanceOf(FrameSource.Outcome.Failed.class, s.outcome());
        assertTrue(f.reason().contains("no video"), f.reason());
        assertTrue(s.qc().isEmpty());
    }
}
