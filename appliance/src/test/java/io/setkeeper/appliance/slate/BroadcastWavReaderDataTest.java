package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.protocol.timecode.FrameRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Broadcast WAV in the shared audio folder, checked against the WaveAgent sound report that lists them. */
class BroadcastWavReaderDataTest {

    static List<Path> wavs(Path audio) throws IOException {
        try (Stream<Path> files = Files.walk(audio)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
        }
    }

    /** The report names a set of mono files {@code A101_1_X.WAV}: X stands for the file's index in the set. */
    static boolean reportNames(String reportName, String fileName) {
        String regex = Pattern.quote(reportName).replace("_X.", "\\E_\\d+\\Q.");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(fileName).matches();
    }

    @Test
    void startTimecodeOfEveryFileMatchesTheSoundReport() throws IOException {
        Path audio = TestData.file("audio");
        Parsed<SoundReportEntry> report = SoundReportReader.read(audio.resolve("WaveAgentSoundReport.csv"));
        List<Path> files = wavs(audio);
        assertEquals(12, files.size(), "audio folder content changed: " + files);
        int compared = 0;
        List<String> unlisted = new ArrayList<>();
        for (Path path : files) {
            SoundFile f = BroadcastWavReader.read(path);
            String name = path.getFileName().toString();
            List<SoundReportEntry> rows = report.rows().stream().filter(r -> reportNames(r.fileName(), name)).toList();
            if (rows.isEmpty()) {
                unlisted.add(name);
                continue;
            }
            assertEquals(1, rows.size(), name + " is listed once");
            SoundReportEntry row = rows.getFirst();
            assertEquals(row.start().orElseThrow().format(), f.start().orElseThrow().format(), name);
            assertEquals(row.frameRate().orElseThrow().nominal(), f.timecodeRate().orElseThrow().nominal(), name);
            assertEquals(row.frameRate().get().den(), f.timecodeRate().get().den(), name + ": 23.97 ND is 24000/1001");
            assertEquals(SoundMatcher.normal(row.scene().orElseThrow()), SoundMatcher.normal(f.scene().orElseThrow()), name);
            assertEquals(SoundMatcher.normal(row.take().orElseThrow()), SoundMatcher.normal(f.take().orElseThrow()), name);
            assertEquals(row.tape(), f.tape(), name);
            assertEquals(row.sampleRate().orElseThrow(), f.format().orElseThrow().sampleRate(), name);
            long reportSeconds = row.length().orElseThrow().toSeconds();
            assertTrue(Math.abs(f.seconds().orElseThrow() - reportSeconds) < 1.0,
                    name + " length " + f.seconds().get() + " s vs report " + reportSeconds + " s");
            assertEquals(List.of(), f.problems(), name);
            compared++;
        }
        assertEquals(9, compared, "files checked against the report");
        assertEquals(List.of("umid.wav", "Scene_1_2AG-T001_Tr1.WAV", "Scene_1_2AG-T001_TrL_R.WAV"), unlisted);
    }

    @Test
    void soundDevices702tNeedsPullDownToMatchTheReport() throws IOException {
        SoundFile f = BroadcastWavReader.read(TestData.file("audio/sounddevices/A101_1.WAV"));
        assertEquals(Optional.of(2_190_940_753L), f.bext().orElseThrow().timeReference());
        assertEquals(FrameRate.FPS_23_976, f.timecodeRate().orElseThrow());
        assertEquals("12:39:59:00", f.start().orElseThrow().format());
        assertEquals("12:40:44:14", f.startAt(FrameRate.FPS_24).orElseThrow().format(), "what a naive 24 fps reading gives");
        assertEquals("Sound Dev: 702T S#GR1112089007", f.bext().get().originator());
        assertEquals("BMH", f.project().orElseThrow());
        assertEquals(List.of("MKH516 A", "Boom"), f.ixml().orElseThrow().tracks().stream().map(Ixml.Track::name).toList());
        assertEquals("023.976-ND", f.bext().get().descriptionFields().get("SPEED"));
    }

    @Test
    void filesTheReportDoesNotList() throws IOException {
        SoundFile zoom = BroadcastWavReader.read(TestData.file("audio/zoom_F8/Scene_1_2AG-T001_Tr1.WAV"));
        assertEquals(List.of(), zoom.problems());
        assertEquals("22:40:10:00", zoom.start().orElseThrow().format(), "3917280000 samples / 48000 = 81610 s");
        assertEquals(zoom.ixml().orElseThrow().timestampSamples(), zoom.bext().orElseThrow().timeReference());
        assertEquals(Optional.of("Test 01 wavinfo"), zoom.note());
        assertEquals(Optional.of("Scene_1_2AG"), zoom.scene());

        SoundFile metacorder = BroadcastWavReader.read(TestData.file("audio/metacorder/Sr001-2C-01_01.WAV"));
        assertEquals(Optional.of("Tail Slate Cloth noise"), metacorder.note());
        assertEquals(0, metacorder.bext().orElseThrow().version());

        SoundFile protools = BroadcastWavReader.read(TestData.file("audio/protools/umid.wav"));
        assertTrue(protools.start().isEmpty(), "Pro Tools wrote no timecode rate");
        assertEquals(1, protools.problems().size(), protools.problems().toString());
        assertTrue(protools.problems().getFirst().message().contains("no timecode rate"));
        assertEquals(44_100, protools.format().orElseThrow().sampleRate());
        assertEquals(Optional.of(676_200L), protools.bext().orElseThrow().timeReference());
        assertTrue(protools.bext().get().umid().orElseThrow().startsWith("060a2b34"), "a SMPTE UMID");
        assertEquals(Optional.of("aay5Lx9WcOQk"), Optional.of(protools.bext().get().originatorReference()));
    }
}
