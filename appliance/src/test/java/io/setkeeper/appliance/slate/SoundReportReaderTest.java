package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.timecode.FrameRate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoundReportReaderTest {

    private static final String HEADER = "File Name,Channels,Tape,Scene,Take,Sample Rate,Frame Rate,Bit Depth,Length,Start TC,Wild,Circled,Notes,T1";

    @Test
    void classicMacLineEndsAndTitleLines() {
        String text = String.join("\r", "SOUND REPORT", "Project:,\"X\"", HEADER,
                "\"5B_1.WAV\",2(POLY),\"D001\",\"5B\",\"01\",48000,23.97 ND,24,00:00:12,10:00:00:00, ,Y,\"boom, low\",\"Boom\"",
                "\"5B_2.WAV\",2(POLY),\"D001\",\"5B\",\"02\",48000,29.97 DF,24,00:01:02,10:00:59;29, , ,,\"Boom\"");
        Parsed<SoundReportEntry> r = SoundReportReader.parse(text);
        assertEquals(List.of(), r.problems());
        SoundReportEntry first = r.rows().getFirst();
        assertEquals(4, first.line());
        assertEquals(FrameRate.FPS_23_976, first.frameRate().orElseThrow());
        assertEquals(Duration.ofSeconds(12), first.length().orElseThrow());
        assertEquals(10L * 3600 * 24, first.start().orElseThrow().frame());
        assertTrue(first.circled());
        assertEquals(Optional.of("boom, low"), first.notes());
        assertEquals("Boom", first.extra().get("t1"));
        assertEquals("10:00:59;29", r.rows().get(1).start().orElseThrow().format());
        assertEquals(Optional.of(48_000L), r.rows().get(1).sampleRate());
    }

    @Test
    void badLinesAreReported() {
        String text = String.join("\n", HEADER,
                "a.wav,1,T,1,1,48000,25,24,00:00:01,10:00:00:00, , ,,",
                "b.wav,1,T,1,2,fast,25,24,00:00:01,10:00:00:00, , ,,",
                "c.wav,1,T,1,3,48000,25,24,long,10:00:00:99, , ,,",
                ",1,T,1,4,48000,25,24,00:00:01,10:00:00:00, , ,,",
                "e.wav,1,T,1,5,48000,weird,24,00:00:01,10:00:00:00, , ,,");
        Parsed<SoundReportEntry> r = SoundReportReader.parse(text);
        assertEquals(List.of("a.wav", "b.wav", "c.wav", "e.wav"), r.rows().stream().map(SoundReportEntry::fileName).toList());
        assertEquals(List.of(3, 4, 4, 5, 6, 6), r.problems().stream().map(Problem::line).toList(), r.problems().toString());
        assertTrue(r.rows().get(2).start().isEmpty());
        assertTrue(r.rows().get(3).start().isEmpty(), "no rate, no start");
        assertEquals(1, SoundReportReader.parse("not,a,report\n").problems().size());
    }
}
