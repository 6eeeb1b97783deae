package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.edl.Edl;
import io.setkeeper.protocol.interchange.edl.EdlEvent;
import io.setkeeper.protocol.interchange.edl.EdlMarker;
import io.setkeeper.protocol.interchange.edl.EdlReader;
import io.setkeeper.protocol.interchange.edl.EdlWriter;
import io.setkeeper.protocol.interchange.otio.OtioItem;
import io.setkeeper.protocol.interchange.otio.OtioJson;
import io.setkeeper.protocol.interchange.otio.OtioTimeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every CMX3600 fixture (OpenTimelineIO test files) is read at its rate, checked, and round-trips. */
class EdlFixturesDataTest {
    /** The fixtures that are not at 24 fps (an EDL does not say its rate). */
    private static final Map<String, Integer> RATES = Map.of("25fps.edl", 25, "timecode_mismatch.edl", 25);

    private static Edl read(String name) {
        return EdlReader.read(TestData.file("interchange/otio/" + name), RATES.getOrDefault(name, 24));
    }

    @Test
    void everyEdlIsReadAndRoundTripsThroughOurWriter() {
        List<Path> files = TestData.files("interchange/otio", ".edl");
        assertEquals(15, files.size(), files.toString());
        for (Path file : files) {
            String name = file.getFileName().toString();
            Edl edl = read(name);
            assertTrue(edl.events().size() > 0, name);
            Edl back = EdlReader.parse(EdlWriter.write(edl), edl.fps());
            assertEquals(strip(edl.events()), strip(back.events()), name);
            long cdls = edl.events().stream().filter(e -> e.cdl().isPresent()).count();
            long markers = edl.events().stream().mapToLong(e -> e.markers().size()).sum();
            long speeds = edl.events().stream().filter(e -> e.speed().isPresent()).count();
            long transitions = edl.events().stream().filter(e -> !e.transition().equals("C")).count();
            System.out.printf("edl fixture %-24s %2d fps %4d events, %d transitions, %d markers, %d M2, %d CDL,"
                    + " %d lines reported%n", name, edl.fps(), edl.events().size(), transitions, markers, speeds,
                    cdls, edl.issues().size());
            edl.issues().forEach(i -> System.out.println("    " + i));
        }
    }

    @Test
    void rates25AndMismatchedLengths() {
        Edl pal = read("25fps.edl");
        assertEquals(List.of(), pal.issues());
        assertEquals(4, pal.events().size());
        EdlEvent last = pal.events().get(3);
        assertEquals("sq001_s004", last.clipName());
        assertEquals(49, last.sourceDuration(), "01:00:00:00 to 01:00:01:24 at 25 fps");
        assertEquals(19 * 25 + 21, last.recordOut());
        Edl at24 = EdlReader.read(TestData.file("interchange/otio/25fps.edl"), 24);
        assertTrue(at24.issues().stream().anyMatch(i -> i.reason().contains("beyond 24 fps")), at24.issues()
                .toString());

        Edl mismatch = read("timecode_mismatch.edl");
        assertEquals(20, mismatch.events().size(), "mismatched events are kept");
        assertEquals(List.of(13, 16, 28, 31), mismatch.issues().stream().map(LineIssue::line).toList());
    }

    @Test
    void cdlCommentsBothSpellingsAreFoundAndTheOutOfRangePowerIsRefused() {
        Edl edl = read("cdl.edl");
        assertEquals(2, edl.events().size());
        assertEquals(List.of(5, 11), edl.issues().stream().map(LineIssue::line).toList());
        assertTrue(edl.issues().stream().allMatch(i -> i.reason().contains("power must be > 0")));
        for (EdlEvent e : edl.events()) {
            assertTrue(e.cdl().isEmpty());
            assertEquals("ZZ100_501 (LAY3)", e.clipName());
            assertEquals("ZZ100_501.LAY3.01", e.sourceFile());
            assertTrue(e.comments().contains("ASC_SAT 0.9"), "refused CDL text is kept: " + e.comments());
        }
    }

    @Test
    void transitionsMarkersSpeedAndOddLines() {
        EdlEvent dissolve = read("dissolve_test.edl").events().get(2);
        assertEquals("D", dissolve.transition());
        assertEquals(10, dissolve.transitionFrames());
        assertEquals("clip_A", dissolve.clipName());
        assertEquals("clip_B", dissolve.toClipName());
        EdlEvent crlf = read("dissolve_test_3.edl").events().get(2);
        assertEquals(30, crlf.transitionFrames());
        assertEquals("Clip_C.mov", crlf.toClipName());
        assertEquals("W001", read("wipe_test.edl").events().get(2).transition());
        assertEquals(26, read("transition_duration.edl").events().get(3).transitionFrames());

        Edl gaps = read("gap_test.edl");
        assertEquals(List.of("shot1", "shot2", "shot3"), gaps.events().stream().map(EdlEvent::clipName).toList());
        assertEquals(40, gaps.events().get(1).recordIn(), "00:00:01:16");
        EdlEvent audio = read("multi_audio.edl").events().getFirst();
        assertEquals("AA", audio.track());
        assertEquals(List.of("AUD  3"), audio.comments());
        assertEquals("S:\\path\\to\\ZZ100_502A.take_2.0101.exr", read("avid_example.edl").events().get(1).sourceFile());

        List<EdlMarker> markers = read("no_spaces_test.edl").events().get(3).markers();
        assertEquals(List.of(new EdlMarker(86438, "RED", "ANIM FIX NEEDED"),
                new EdlMarker(86462, "PINK", "ANIM FIX NEEDED")), markers);

        Edl speed = read("speed_effects.edl");
        assertEquals(548, speed.events().size());
        assertEquals(17, speed.events().stream().filter(e -> e.speed().isPresent()).count());
        assertEquals(7, speed.events().stream().filter(e -> e.speed().map(s -> s.freeze()).orElse(false)).count());
        EdlEvent freeze = speed.events().stream().filter(e -> e.number().equals("000183")).findFirst().orElseThrow();
        assertEquals(1, freeze.sourceDuration());
        assertEquals(17, freeze.recordDuration());
        assertEquals(speed.frames("01:00:10:21"), freeze.speed().orElseThrow().frame());
    }

    @Test
    void screeningEdlMatchesTheOtioMadeFromIt() {
        Edl edl = read("screening_example.edl");
        OtioTimeline otio = OtioJson.read(TestData.file("interchange/otio/screening_example.otio"));
        List<OtioItem.Clip> clips = otio.clips();
        assertEquals(clips.size(), edl.events().size());
        for (int i = 0; i < clips.size(); i++) {
            EdlEvent e = edl.events().get(i);
            OtioItem.Clip c = clips.get(i);
            var range = c.sourceRange().orElseThrow();
            assertEquals(c.name(), e.clipName(), "clip " + i);
            assertEquals(range.startTime().value(), e.sourceIn(), 0, "source in of " + c.name());
            assertEquals(range.duration().value(), e.sourceDuration(), 0, "duration of " + c.name());
            assertEquals(c.markers().size(), e.markers().size(), "markers of " + c.name());
            for (int m = 0; m < c.markers().size(); m++) {
                assertEquals(c.markers().get(m).markedRange().orElseThrow().startTime().value(),
                        e.markers().get(m).frame(), 0);
                assertEquals(c.markers().get(m).color(), e.markers().get(m).color());
            }
        }
    }

    /** Events without their line numbers, which differ between a fixture and our rewrite of it. */
    private static List<EdlEvent> strip(List<EdlEvent> events) {
        return events.stream().map(e -> new EdlEvent(0, e.number(), e.reel(), e.track(), e.transition(),
                e.transitionFrames(), e.sourceIn(), e.sourceOut(), e.recordIn(), e.recordOut(), e.clipName(),
                e.toClipName(), e.sourceFile(), e.cdl(), e.markers(), e.speed(), e.comments())).toList();
    }
}
