package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared field recordings matched against the sound report's lines, which stand in for picture clips here:
 * each line has a start timecode at its frame rate, a length and a slate.
 */
class SoundMatcherDataTest {

    private List<SoundTake> sounds;
    private Parsed<SoundReportEntry> report;

    @BeforeEach
    void read() throws IOException {
        Path audio = TestData.file("audio");
        report = SoundReportReader.read(audio.resolve("WaveAgentSoundReport.csv"));
        sounds = new ArrayList<>();
        for (Path wav : BroadcastWavReaderDataTest.wavs(audio)) {
            SoundTake.of(BroadcastWavReader.read(wav)).ifPresent(sounds::add);
        }
    }

    private static List<PictureTake> pictures(List<SoundReportEntry> rows) {
        return rows.stream().filter(r -> r.start().isPresent())
                .map(r -> new PictureTake(r.fileName(), r.start().get(),
                        r.length().orElseThrow().toSeconds() * r.frameRate().orElseThrow().nominal(), r.scene(), r.take()))
                .toList();
    }

    @Test
    void everyRecordingFindsItsReportLines() {
        assertEquals(11, sounds.size(), "all WAVs but Pro Tools' (no timecode rate) have a start");
        assertEquals(1, report.problems().size(), "the BULLET line has a Start TC but no frame rate: " + report.problems());
        assertEquals(7, report.problems().getFirst().line());
        SoundMatches m = SoundMatcher.match(pictures(report.rows()), sounds);
        Set<String> pairs = new TreeSet<>();
        for (SoundMatches.Match match : m.matches()) {
            pairs.add(match.pictureId() + " <- " + match.soundId());
            assertEquals(SoundMatches.Slate.AGREES, match.slate(), match.toString());
        }
        assertEquals(new TreeSet<>(List.of(
                "A101_1_X.WAV <- A101_1.WAV", "A101_1_X.WAV <- A101_1_1.WAV", "A101_1_X.WAV <- A101_1_2.WAV",
                "A101_1.WAV <- A101_1.WAV", "A101_1.WAV <- A101_1_1.WAV", "A101_1.WAV <- A101_1_2.WAV",
                "A101_2.WAV <- A101_2.WAV", "A101_3.WAV <- A101_3.WAV", "A101_4.WAV <- A101_4.WAV",
                "PT A101_4.A1.wav <- A101_4.WAV",
                "Sr001-001-06_X.WAV <- Sr001-001-06_01.WAV", "Sr001-001-06_X.WAV <- Sr001-001-06_02.WAV",
                "Sr001-2C-01_X.WAV <- Sr001-2C-01_01.WAV")), pairs);
        assertEquals(List.of(), m.disagreements());
        // A101_3 is 48044 samples: 48044/48048 of a timecode second at 23.976, so it ends before A101_4 starts
        SoundMatches.Match take3 = m.matches().stream().filter(x -> x.soundId().equals("A101_3.WAV")).findFirst().orElseThrow();
        assertEquals(48_044 * 1e9 / 48_048, take3.overlap().toNanos(), 1.0);
    }

    @Test
    void aWrongSlateInTheReportIsCaught() {
        List<SoundReportEntry> swapped = report.rows().stream().map(r -> switch (r.fileName()) {
            case "A101_3.WAV" -> withTake(r, "04");
            case "A101_4.WAV" -> withTake(r, "03");
            default -> r;
        }).toList();
        SoundMatches m = SoundMatcher.match(pictures(swapped), sounds);
        List<String> found = m.disagreements().stream().map(d -> switch (d) {
            case SoundMatches.SlateDiffers s -> "differs " + s.pictureId() + " " + s.soundId() + " " + s.pictureSlate() + " vs " + s.soundSlate();
            case SoundMatches.TimecodeApart a -> "apart " + a.pictureId() + " " + a.soundId() + " " + a.gap().toMillis() + "ms";
        }).toList();
        assertEquals(List.of(
                "differs A101_3.WAV A101_3.WAV A101/04 vs A101/3",
                "apart A101_3.WAV A101_4.WAV 0ms",
                "apart A101_4.WAV A101_3.WAV 0ms",
                "differs A101_4.WAV A101_4.WAV A101/03 vs A101/4"), found);
        assertTrue(m.matches().stream().anyMatch(x -> x.pictureId().equals("A101_3.WAV") && x.soundId().equals("A101_3.WAV")),
                "timecode still pairs them");
    }

    private static SoundReportEntry withTake(SoundReportEntry r, String take) {
        return new SoundReportEntry(r.line(), r.fileName(), r.tape(), r.scene(), Optional.of(take), r.sampleRate(),
                r.frameRate(), r.length(), r.start(), r.circled(), r.notes(), r.extra());
    }
}
