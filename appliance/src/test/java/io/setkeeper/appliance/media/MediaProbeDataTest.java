package io.setkeeper.appliance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes every file of {@code footage/} and compares with what the data README states and what FFmpeg's own ffprobe
 * (Debian 5.1, run by hand) reports: codec, size, exact rate, frame count, start timecode, rotation, transfer,
 * pixel format, bit depth and audio streams. A new file in the folder without a row here fails the test.
 */
class MediaProbeDataTest {
    /** path | codec | size | rate | frames | start TC | rotation | transfer | pixel format | bits | audio (codec/ch/Hz). */
    private static final String TABLE = """
            asl/again.mkv | h264 | 640x480 | 30/1 | 77 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/book.mkv | h264 | 640x480 | 30/1 | 109 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/brother.mkv | h264 | 640x480 | 30/1 | 65 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/eat.mkv | h264 | 640x480 | 30/1 | 47 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/learn.mkv | h264 | 640x480 | 30/1 | 61 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/milk.mkv | h264 | 640x480 | 30/1 | 51 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/night.mkv | h264 | 640x480 | 30/1 | 68 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/no.mkv | h264 | 640x480 | 30/1 | 66 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/please.mkv | h264 | 640x480 | 30/1 | 73 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/school.mkv | h264 | 640x480 | 30/1 | 72 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/sorry.mkv | h264 | 640x480 | 30/1 | 73 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            asl/want.mkv | h264 | 640x480 | 30/1 | 47 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            derived/A001C001_again_prores422proxy.mov | prores | 1920x1080 | 24000/1001 | 48 | 01:00:10:00 | 0 | UNKNOWN | yuv422p10le | 10 | -
            derived/B001C002_book_dnxhr_lb.mxf | dnxhd | 1920x1080 | 25/1 | 50 | 10:00:00:00 | 0 | UNKNOWN | yuv422p | 8 | -
            derived/C001C003_no_mjpeg.avi | mjpeg | 640x480 | 30/1 | 60 | - | 0 | UNKNOWN | yuvj422p | 8 | -
            derived/D001C004_bottle_hevc.mov | hevc | 640x360 | 179/6 | 90 | 12:00:00:00 | 0 | UNKNOWN | yuv420p | 8 | -
            gopro/karma.mp4 | h264 | 854x480 | 30000/1001 | 362 | 19:26:48:04 | 0 | SDR | yuvj420p | 8 | aac/2/48000
            gopro/max-heromode.mp4 | h264 | 848x480 | 30000/1001 | 315 | 15:44:35:10 | 0 | SDR | yuvj420p | 8 | aac/2/48000
            h264/Cisco_Men_whisper_640x320_CABAC_Bframe_9.264 | h264 | 640x320 | 25/1 | 9 | - | 0 | UNKNOWN | yuv420p | 8 | -
            h264/VID_1920x1080_cabac_temporal_direct.264 | h264 | 1920x1080 | 25/1 | 54 | - | 0 | UNKNOWN | yuvj420p | 8 | -
            h264/Zhling_1280x720.264 | h264 | 1280x720 | 25/1 | 19 | - | 0 | UNKNOWN | yuv420p | 8 | -
            mxf/bmx_d10_sample.mxf | mpeg2video | 720x608 | 25/1 | 2 | 23:58:30:00 | 0 | SDR | yuv422p | 8 | pcm_s24le/4/48000
            mxf/indirect.mxf | dnxhd | 3840x2160 | 25/1 | 1 | 01:00:00:00 | 0 | SDR | yuv422p | 8 | -
            mxf/video1.mxf | jpeg2000 | 1920x1080 | 24000/1001 | 1 | 00:00:00:00 | 0 | SDR | yuv422p10le | 10 | -
            opencv/vtest.avi | msmpeg4v3 | 768x576 | 10/1 | 795 | - | 0 | UNKNOWN | yuv420p | 8 | -
            phone/hdr10-video-with-sdr-container.mp4 | hevc | 1920x1080 | 30/1 | 28 | - | 0 | PQ | yuv420p10le | 10 | aac/2/48000
            phone/hlg10-color-test.mp4 | hevc | 1920x1080 | 90000/3001 | 9 | - | 0 | HLG | yuv420p10le | 10 | aac/2/48000
            phone/pixel7_videoOnly_cleaned.mp4 | h264 | 1920x1080 | 179/6 | 36 | - | 180 | SDR | yuvj420p | 8 | -
            phone/portrait_4k60.mp4 | h264 | 3840x2160 | 60/1 | 18 | - | -90 | SDR | yuvj420p | 8 | aac/2/48000
            phone/sample_edit_list.mp4 | hevc | 1920x1080 | 30000/1001 | 86 | - | -90 | HLG | yuv420p10le | 10 | aac/2/44100
            phone/sample_no_bframes.mp4 | h264 | 1080x720 | 30000/1001 | 30 | - | 0 | SDR | yuv420p | 8 | aac/1/44100
            phone/sample_with_increasing_timestamps_360p.mp4 | h264 | 640x360 | 23040000/767849 | 512 | - | 0 | SDR | yuv420p | 8 | aac/2/48000
            phone/sowt-with-video.mov | h264 | 1920x1080 | 50/1 | 100 | - | 0 | SDR | yuv420p | 8 | pcm_s16le/2/48000
            """;

    /** Files that must fail, with their code. */
    private static final Map<String, FailureCode> FAILURES = Map.of("mxf/class14.mxf", FailureCode.NO_ESSENCE);

    @TempDir
    Path tmp;

    @Test
    void everyFootageFileProbesAsExpected() throws Exception {
        Path footage = TestData.file("footage");
        Map<String, String[]> rows = new LinkedHashMap<>();
        TABLE.lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] c = l.split("\\s*\\|\\s*");
            rows.put(c[0].strip(), c);
        });
        List<String> files;
        try (Stream<Path> walk = Files.walk(footage)) {
            files = walk.filter(Files::isRegularFile).map(p -> footage.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        TreeSet<String> unlisted = new TreeSet<>(files);
        unlisted.removeAll(rows.keySet());
        unlisted.removeAll(FAILURES.keySet());
        assertEquals(new TreeSet<>(), unlisted, "footage files without an expectation");

        List<String> mismatches = new ArrayList<>();
        for (String rel : files) {
            ProbeResult r = MediaProbe.probe(footage.resolve(rel));
            if (FAILURES.containsKey(rel)) {
                if (!(r instanceof ProbeResult.Failed f) || f.code() != FAILURES.get(rel)) {
                    mismatches.add(rel + ": expected " + FAILURES.get(rel) + ", got " + r);
                }
                continue;
            }
            if (!(r instanceof ProbeResult.Probed p)) {
                mismatches.add(rel + ": " + r);
                continue;
            }
            String actual = describe(rel, p.data());
            String expected = String.join(" | ", rows.get(rel));
            if (!actual.equals(expected)) {
                mismatches.add("expected " + expected + "\n     got " + actual);
            }
        }
        assertEquals(List.of(), mismatches, String.join("\n", mismatches));
    }

    private static String describe(String rel, ProbeData d) {
        VideoTrack v = d.video().orElseThrow(() -> new AssertionError(rel + " has no video"));
        String audio = d.audio().isEmpty() ? "-" : d.audio().stream()
                .map(a -> a.codec() + "/" + a.channels() + "/" + a.sampleRate()).collect(Collectors.joining(","));
        return String.join(" | ", rel, v.codec(), v.width() + "x" + v.height(), String.valueOf(v.frameRate()),
                String.valueOf(v.frameCount()), d.startTimecode().map(Timecode::text).orElse("-"),
                String.valueOf(v.rotation()), v.transfer().name(), v.pixelFormat(), String.valueOf(v.bitDepth()), audio);
    }

    @Test
    void readmeFactsHold() {
        ProbeData karma = probed("footage/gopro/karma.mp4");
        assertEquals("19:26:48:04", karma.startTimecodeText());
        assertEquals("HD5.02.02.00.00", karma.cameraTags().get("firmware"));
        assertEquals("2017-04-17T19:27:57.000000Z", karma.cameraTags().get("creation_time"));
        assertEquals("GoPro AVC encoder", karma.cameraTags().get("encoder"));

        ProbeData d10 = probed("footage/mxf/bmx_d10_sample.mxf");
        assertEquals("23:58:30:00", d10.startTimecodeText());
        assertEquals("container", d10.startTimecode().orElseThrow().source(), "D10 carries the material package TC");

        ProbeData avid = probed("footage/mxf/indirect.mxf");
        assertEquals("01:00:00:00", avid.startTimecodeText());
        assertEquals("Avid Media Composer 8.4.2d0", avid.cameraTags().get("application"));

        ProbeData portrait = probed("footage/phone/portrait_4k60.mp4");
        VideoTrack pv = portrait.video().orElseThrow();
        assertEquals(-90, pv.rotation());
        assertEquals(2160, pv.displayWidth());
        assertEquals(3840, pv.displayHeight());

        assertEquals(TransferFunction.PQ,
                probed("footage/phone/hdr10-video-with-sdr-container.mp4").video().orElseThrow().transfer());
        assertEquals(TransferFunction.HLG, probed("footage/phone/sample_edit_list.mp4").video().orElseThrow().transfer());
        assertEquals(TransferFunction.SDR,
                probed("footage/phone/sample_with_increasing_timestamps_360p.mp4").video().orElseThrow().transfer());

        ProbeResult.Failed class14 = assertInstanceOf(ProbeResult.Failed.class,
                MediaProbe.probe(TestData.file("footage/mxf/class14.mxf")));
        assertEquals(FailureCode.NO_ESSENCE, class14.code());
        assertTrue(class14.message().contains("no picture or sound essence"), class14.message());
    }

    @Test
    void realClipsCutShortAreCaught() throws Exception {
        for (String rel : List.of("footage/gopro/karma.mp4", "footage/derived/B001C002_book_dnxhr_lb.mxf",
                "footage/asl/book.mkv", "footage/derived/A001C001_again_prores422proxy.mov")) {
            Path source = TestData.file(rel);
            Path half = TestClips.firstHalf(source, tmp.resolve("half-" + source.getFileName()));
            ProbeResult r = MediaProbe.probe(half);
            ProbeResult.Failed f = assertInstanceOf(ProbeResult.Failed.class, r, rel + " cut in half: " + r);
            assertEquals(FailureCode.TRUNCATED_OR_CORRUPT, f.code(), rel + ": " + f.message());
        }
    }

    private static ProbeData probed(String rel) {
        ProbeResult r = MediaProbe.probe(TestData.file(rel));
        return assertInstanceOf(ProbeResult.Probed.class, r, rel + ": " + r).data();
    }
}
