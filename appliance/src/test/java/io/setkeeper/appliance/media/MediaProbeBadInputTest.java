package io.setkeeper.appliance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a stable code and a plain message, and never stops the next file. Inputs generated here. */
class MediaProbeBadInputTest {
    @TempDir
    Path dir;

    private static ProbeResult.Failed failed(ProbeResult r) {
        return assertInstanceOf(ProbeResult.Failed.class, r, () -> "expected a failure, got " + r);
    }

    @Test
    void zeroLengthFile() throws Exception {
        Path f = Files.createFile(dir.resolve("A001C001.mov"));
        ProbeResult.Failed r = failed(MediaProbe.probe(f));
        assertEquals(FailureCode.EMPTY_FILE, r.code());
        assertTrue(r.message().contains("A001C001.mov") && r.message().contains("empty"), r.message());
    }

    @Test
    void textFileRenamedMov() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.mov"), "Scene 5, take 3: boom in frame.\nCircle take 4.\n",
                StandardCharsets.UTF_8);
        ProbeResult.Failed r = failed(MediaProbe.probe(f));
        assertEquals(FailureCode.UNRECOGNIZED_FORMAT, r.code());
        assertTrue(r.message().contains("plain text"), r.message());
    }

    @Test
    void truncatedMovCutInHalf() throws Exception {
        Path whole = TestClips.proresClip(dir, "whole.mov");
        Path half = TestClips.firstHalf(whole, dir.resolve("half.mov"));
        ProbeResult.Failed r = failed(MediaProbe.probe(half));
        assertEquals(FailureCode.TRUNCATED_OR_CORRUPT, r.code());
        assertTrue(r.message().contains("QuickTime") && r.message().contains("truncated"), r.message());
        assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(whole), "the intact original still probes");
    }

    @Test
    void wavHasNoVideoStream() throws Exception {
        Path f = TestClips.wav(dir.resolve("tone.wav"), 500);
        ProbeData d = assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(f)).data();
        assertEquals(MediaKind.AUDIO_ONLY, d.kind());
        assertTrue(d.video().isEmpty());
        assertEquals(1, d.audio().size());
        assertEquals(new AudioTrack(0, "pcm_s16le", 1, 48_000), d.audio().get(0));
        assertEquals(500_000, d.durationMicros(), 1_000);
    }

    @Test
    void truncatedWavReportsTheSoundActuallyPresent() throws Exception {
        // FFmpeg's WAV demuxer clamps the declared length to the data on disk: half a 3 s file probes as 1.5 s.
        // (Checking the RIFF/RF64 chunk sizes themselves is the Broadcast WAV reader's job, in the slate package.)
        Path whole = TestClips.wav(dir.resolve("sound.wav"), 3000);
        Path half = TestClips.firstHalf(whole, dir.resolve("half.wav"));
        ProbeData d = assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(half)).data();
        assertEquals(1_500_000, d.durationMicros(), 1_000);
        assertEquals(3_000_000, assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(whole)).data()
                .durationMicros(), 1_000);
    }

    @Test
    void missingFileAndFolder() throws Exception {
        assertEquals(FailureCode.NOT_FOUND, failed(MediaProbe.probe(dir.resolve("gone.mov"))).code());
        Path folder = Files.createDirectory(dir.resolve("CLIPS.mov"));
        assertEquals(FailureCode.NOT_A_FILE, failed(MediaProbe.probe(folder)).code());
    }

    @Test
    void hostileFileNamesAreTakenLiterally() throws Exception {
        Path clip = TestClips.proresClip(dir, "plain.mov");
        for (String name : List.of("pipe:1.mov", "concat:a.mov|b.mov", "Szene 5 ünï ‘quote’ $(rm -rf).mov", "-i.mov")) {
            Path hostile = Files.copy(clip, dir.resolve(name));
            ProbeData d = assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(hostile), name).data();
            assertEquals(hostile, d.file());
            assertEquals(25, d.video().orElseThrow().frameCount(), name);
        }
    }

    @Test
    void budgetStopsFfmpeg() throws Exception {
        Path clip = TestClips.proresClip(dir, "slow.mov");
        ProbeResult.Failed r = failed(MediaProbe.probe(clip, Duration.ofNanos(1)));
        assertEquals(FailureCode.TIMEOUT, r.code(), r.message());
        assertInstanceOf(ProbeResult.Probed.class, MediaProbe.probe(clip), "the next probe has its own budget");
    }

    @Test
    void badFilesDoNotDisturbGoodOnesAcrossThreads() throws Exception {
        Path good = TestClips.proresClip(dir, "good.mov");
        Path empty = Files.createFile(dir.resolve("empty.mov"));
        Path text = Files.writeString(dir.resolve("text.mxf"), "not an mxf");
        Path half = TestClips.firstHalf(good, dir.resolve("half.mov"));
        List<Path> files = List.of(good, empty, text, half);
        List<FailureCode> expected = new ArrayList<>();
        expected.add(null);
        expected.add(FailureCode.EMPTY_FILE);
        expected.add(FailureCode.UNRECOGNIZED_FORMAT);
        expected.add(FailureCode.TRUNCATED_OR_CORRUPT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Path f : files) {
                    futures.add(pool.submit(() -> MediaProbe.probe(f)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                ProbeResult r = futures.get(i).get();
                FailureCode want = expected.get(i % files.size());
                if (want == null) {
                    ProbeData d = assertInstanceOf(ProbeResult.Probed.class, r).data();
                    assertEquals("10:00:00:00", d.startTimecodeText());
                } else {
                    assertEquals(want, failed(r).code(), r.toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
