package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.timecode.FrameRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BroadcastWavReaderTest {

    @TempDir
    Path dir;

    private SoundFile write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return BroadcastWavReader.read(file);
    }

    private static boolean mentions(SoundFile f, String text) {
        return f.problems().stream().anyMatch(p -> p.message().contains(text));
    }

    @Test
    void readsBextIxmlAndComputesStartAt23976() throws IOException {
        long tr = 2_190_940_753L;
        byte[] umid = new byte[64];
        for (int i = 0; i < 32; i++) {
            umid[i] = (byte) (i + 1);
        }
        SoundFile f = write("T1.WAV", WavBuilder.riff()
                .bext("sSCENE=99\r\nsTAKE=9\r\n", "Sound Dev: 888", tr, 1, umid)
                .ixml(WavBuilder.ixmlDoc("5C", "2", "24000/1001", "NDF", tr))
                .fmt(2, 48_000, 24).data(6 * 48_048).bytes());
        assertEquals(List0.of(), f.problems());
        assertEquals("12:39:59:00", f.start().orElseThrow().format());
        assertEquals(FrameRate.FPS_23_976, f.timecodeRate().orElseThrow());
        assertEquals(Optional.of("5C"), f.scene(), "iXML wins over the bext description");
        assertEquals(Optional.of("2"), f.take());
        assertEquals(Optional.of("plane overhead"), f.note(), "top-level NOTE, not the SPEED block's");
        assertEquals(Optional.of("SIGNING ROOM"), f.project());
        assertEquals(48_048, f.sampleCount());
        Bext bext = f.bext().orElseThrow();
        assertEquals("Sound Dev: 888", bext.originator());
        assertEquals(1, bext.version());
        assertEquals("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", bext.umid().orElseThrow());
        assertEquals(2, f.ixml().orElseThrow().tracks().size());
        assertEquals(new Ixml.Track(2, 2, "Lav JANA", Optional.of("LAV")), f.ixml().orElseThrow().tracks().get(1));
    }

    @Test
    void dropFrameFlagFromIxml() throws IOException {

        SoundFile f = write("DF.WAV", WavBuilder.riff()
                .bext("", "rec", 2_882_880L, 1, null)
                .ixml(WavBuilder.ixmlDoc("1", "1", "30000/1001", "DF", 2_882_880L))
                .fmt(1, 48_000, 24).data(300).bytes());
        assertEquals("00:01:00;02", f.start().orElseThrow().format());
        f = write("NDF.WAV", WavBuilder.riff()
                .bext("", "rec", 2_882_880L, 1, null)
                .ixml(WavBuilder.ixmlDoc("1", "1", "30000/1001", "NDF", 2_882_880L))
                .fmt(1, 48_000, 24).data(300).bytes());
        assertEquals("00:01:00:00", f.start().orElseThrow().format());

    }

    @Test
    void malformedIxmlIsAProblemAndBextStillCounts() throws IOException {
        SoundFile f = write("BAD.WAV", WavBuilder.riff()
                .bext("SPEED=25.000ND\r\nSCENE=7A\r\nTAKE=3\r\n", "ZOOM F8", 48_000L * 3600, 1, null)
                .ixml("<?xml version=\"1.0\"?><BWFXML><SCENE>7A</SCEN></BWFXML>")
                .fmt(1, 48_000, 24).data(3 * 4800).bytes());
        assertTrue(f.ixml().isEmpty());
        assertTrue(mentions(f, "iXML chunk at byte"), f.problems().toString());
        assertTrue(mentions(f, "not well-formed"), f.problems().toString());
        assertEquals("01:00:00:00", f.start().orElseThrow().format(), "rate from the bext SPEED");
        assertEquals(Optional.of("7A"), f.scene());
        assertEquals(Optional.of("3"), f.take());
        assertEquals(4800, f.sampleCount());
    }

    @Test
    void truncatedDataChunkKeepsWhatIsThere() throws IOException {
        byte[] whole = WavBuilder.riff()
                .bext("", "rec", 48_000L * 60, 1, null)
                .ixml(WavBuilder.ixmlDoc("2", "4", "25/1", "NDF", 48_000L * 60))
                .fmt(1, 48_000, 16).data(96_000).bytes();
        SoundFile f = write("CUT.WAV", Arrays.copyOf(whole, whole.length - 90_000));
        assertTrue(mentions(f, "chunk 'data'"), f.problems().toString());
        assertTrue(mentions(f, "truncated"), f.problems().toString());
        assertEquals(3_000, f.sampleCount(), "6000 bytes of 16-bit mono remain");
        assertEquals("00:01:00:00", f.start().orElseThrow().format());
        assertEquals(Optional.of("2"), f.scene());
    }

    @Test
    void truncatedIxmlChunkIsReportedAndFmtBeforeItKept() throws IOException {
        byte[] whole = WavBuilder.riff().fmt(1, 48_000, 24)
                .bext("sSPEED=025.000-ND\r\n", "rec", 48_000L, 1, null)
                .ixml(WavBuilder.ixmlDoc("2", "4", "25/1", "NDF", 48_000L)).bytes();
        SoundFile f = write("CUTX.WAV", Arrays.copyOf(whole, whole.length - 200));
        assertTrue(mentions(f, "chunk 'iXML'"), f.problems().toString());
        assertTrue(mentions(f, "iXML chunk at byte"), "the cut XML does not parse: " + f.problems());
        assertTrue(mentions(f, "no data chunk"), f.problems().toString());
        assertEquals(48_000, f.format().orElseThrow().sampleRate());
        assertEquals("00:00:01:00", f.start().orElseThrow().format());
    }

    @Test
    void rf64TakesTheDataSizeFromDs64() throws IOException {
        SoundFile f = write("RF.WAV", WavBuilder.riff().rf64()
                .chunk("ds64", WavBuilder.ds64(0, 1200, 400))
                .fmt(1, 48_000, 24)
                .bext("", "rec", 0, 2, null)
                .ixml(WavBuilder.ixmlDoc("1", "1", "25", "NDF", 0))
                .chunk("data", new byte[1200], 0xFFFF_FFFFL).bytes());
        assertEquals(400, f.sampleCount());
        assertEquals(java.util.List.of(), f.problems());
        assertEquals("00:00:00:00", f.start().orElseThrow().format());
    }

    @Test
    void oddChunkWithoutPadByteIsStillWalked() throws IOException {
        SoundFile f = write("ODD.WAV", WavBuilder.riff().noPadding()
                .chunk("junk", new byte[7]).fmt(1, 48_000, 24)
                .bext("", "rec", 48_000L * 10, 1, null)
                .ixml(WavBuilder.ixmlDoc("1", "1", "25", "NDF", 48_000L * 10)).data(3).bytes());
        assertEquals(48_000, f.format().orElseThrow().sampleRate());
        assertEquals("00:00:10:00", f.start().orElseThrow().format());
        assertEquals(1, f.sampleCount());
    }

    @Test
    void noRateMeansNoStartButTheRestIsRead() throws IOException {
        SoundFile f = write("PT.wav", WavBuilder.riff().bext("", "Pro Tools", 676_200, 1, null)
                .fmt(1, 44_100, 24).data(300).bytes());
        assertTrue(f.start().isEmpty());
        assertTrue(mentions(f, "no timecode rate"), f.problems().toString());
        assertEquals("00:00:15:08", f.startAt(FrameRate.FPS_25).orElseThrow().format(), "676200 / 44100 s = 15.33 s");
    }

    @Test
    void disagreeingTimestampsAreReported() throws IOException {
        SoundFile f = write("TWO.WAV", WavBuilder.riff().bext("", "rec", 48_000, 1, null)
                .ixml(WavBuilder.ixmlDoc("1", "1", "25", "NDF", 96_000)).fmt(1, 48_000, 24).data(3).bytes());
        assertTrue(mentions(f, "differ"), f.problems().toString());
        assertEquals("00:00:01:00", f.start().orElseThrow().format());
    }

    @Test
    void notAWaveFile() throws IOException {
        SoundFile f = write("fake.wav", "ID3 this is an mp3 renamed".getBytes());
        assertTrue(mentions(f, "not a WAVE file"), f.problems().toString());
        assertTrue(f.format().isEmpty());
        SoundFile empty = write("empty.wav", new byte[0]);
        assertTrue(mentions(empty, "not a WAVE file"), empty.problems().toString());
    }

    @Test
    void hostileChunkSizeDoesNotExhaustMemory() throws IOException {
        SoundFile f = write("HUGE.WAV", WavBuilder.riff().fmt(1, 48_000, 24)
                .chunk("iXML", new byte[10], 0x7FFF_FFF0L).bytes());
        assertTrue(mentions(f, "truncated"), f.problems().toString());
        assertFalse(f.format().isEmpty());
    }

    @Test
    void timestampSampleRateFromIxmlWinsOverTheFmtRate() throws IOException {
        // a 48.048 kHz pull-down recording stamped for playback at 48 kHz: the timestamp counts 48048 per second
        long samples = 45_599L * 48_048;
        String xml = """
                <BWFXML><SCENE>1</SCENE><TAKE>1</TAKE><SPEED>
                <TIMECODE_RATE>24/1</TIMECODE_RATE><TIMECODE_FLAG>NDF</TIMECODE_FLAG>
                <FILE_SAMPLE_RATE>48048</FILE_SAMPLE_RATE><TIMESTAMP_SAMPLE_RATE>48048</TIMESTAMP_SAMPLE_RATE>
                <TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI>0</TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI>
                <TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO>%d</TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO>
                </SPEED></BWFXML>""".formatted(samples);
        SoundFile f = write("PULL.WAV", WavBuilder.riff().bext("", "rec", samples, 1, null).ixml(xml)
                .fmt(1, 48_000, 24).data(30).bytes());
        assertEquals(java.util.List.of(), f.problems());
        assertEquals(Optional.of(48_048L), f.timestampSampleRate());
        assertEquals("12:39:59:00", f.start().orElseThrow().format());
    }

    @Test
    void ixmlTimestampWhenThereIsNoBext() throws IOException {
        SoundFile f = write("NOBEXT.WAV", WavBuilder.riff()
                .ixml(WavBuilder.ixmlDoc("3", "2", "25", "NDF", 48_000L * 3600 * 23))
                .fmt(1, 48_000, 24).data(30).bytes());
        assertTrue(f.bext().isEmpty());
        assertEquals("23:00:00:00", f.start().orElseThrow().format());
        assertEquals(java.util.List.of(), f.problems());
    }

    @Test
    void ixmlWithADoctypeIsRefused() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE BWFXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<BWFXML><SCENE>&x;</SCENE></BWFXML>";
        SoundFile f = write("XXE.WAV", WavBuilder.riff().bext("SCENE=4\r\n", "rec", 0, 1, null).ixml(xxe)
                .fmt(1, 48_000, 24).data(30).bytes());
        assertTrue(f.ixml().isEmpty());
        assertTrue(mentions(f, "iXML chunk at byte"), f.problems().toString());
        assertEquals(Optional.of("4"), f.scene(), "bext description still read");
    }

    /** Java's List.of, named so the assertion above reads as "no problems". */
    private static final class List0 {
        static java.util.List<Problem> of() {
            return java.util.List.of();
        }
    }
}
