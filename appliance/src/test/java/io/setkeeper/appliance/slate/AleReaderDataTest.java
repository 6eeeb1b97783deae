package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.protocol.timecode.FrameRate;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production's camera roll ALE and the OpenTimelineIO ALE fixtures. */
class AleReaderDataTest {

    @Test
    void productionRollA001() throws IOException {
        AleFile f = AleReader.read(TestData.file("production/A001.ale"));
        assertEquals(List.of(), f.problems());
        assertEquals(Optional.of(FrameRate.of(30)), f.fps());
        assertEquals(12, f.clips().size());
        assertEquals(List.of("again.mkv", "brother.mkv", "no.mkv", "milk.mkv", "please.mkv", "sorry.mkv", "book.mkv",
                "learn.mkv", "school.mkv", "eat.mkv", "night.mkv", "want.mkv"),
                f.clips().stream().map(c -> c.sourceFile().orElseThrow()).toList());
        assertEquals(List.of("A001C001", "A001C003", "A001C005", "A001C007", "A001C011", "A001C012"),
                f.clips().stream().filter(AleClip::circled).map(AleClip::name).toList());
        AleClip please = f.clips().get(4);
        assertEquals(Optional.of("5C"), please.scene());
        assertEquals(Optional.of("2"), please.take());
        assertEquals("10:04:00:00", please.start().orElseThrow().format());
        assertEquals(Optional.of(2L * 30 + 13), please.durationFrames());
        assertEquals("best performance", please.extra().get("Comments"));
        assertEquals("A", please.extra().get("Camera"));
        // every clip name is an ARRI-style name whose roll and clip number agree with the ALE
        for (AleClip c : f.clips()) {
            ClipName n = ClipName.parse(c.name() + "_260101_R1AB").orElseThrow();
            assertEquals(c.camroll(), n.camroll());
        }
    }

    @Test
    void otioSampleWith129Columns() throws IOException {
        AleFile f = AleReader.read(TestData.file("interchange/otio/sample.ale"));
        assertEquals(List.of(), f.problems());
        assertEquals(129, f.columns().size());
        assertEquals("48khz", f.heading().get("AUDIO_FORMAT"));
        assertEquals(Optional.of(FrameRate.of(24)), f.fps());
        assertEquals(List.of("test_017056", "test_017057", "test_017058", "Something"),
                f.clips().stream().map(AleClip::name).toList());
        AleClip first = f.clips().getFirst();
        assertEquals("00:00:04:03", first.extra().get("Duration"));
        assertEquals("01:00:00:00", first.start().orElseThrow().format());
        assertEquals("01:00:04:03", first.end().orElseThrow().format());
        assertEquals(Optional.of(4L * 24 + 3), first.durationFrames());
        assertEquals(Optional.of("test_017056.aaf"), first.sourceFile());
        assertEquals("YCbCr REC709 [video levels]", first.extra().get("Color Space"));
        assertEquals("DNxHD 36 (HD1080p)", first.extra().get("Video"));
        assertTrue(first.extra().size() > 20, "odd columns kept: " + first.extra().size());
        assertTrue(!first.extra().containsKey("Color"), "blank (spaces only) values are not kept");
        // Duration column agrees with End - Start for every clip
        for (AleClip c : f.clips()) {
            long d = c.durationFrames().orElseThrow();
            assertEquals(c.extra().get("Duration"), io.setkeeper.protocol.timecode.Timecode.ofFrames(d, FrameRate.of(24)).format());
        }
    }

    @Test
    void otioSampleWithCdl() throws IOException {
        AleFile f = AleReader.read(TestData.file("interchange/otio/sample_cdl.ale"));
        assertEquals(List.of(), f.problems());
        assertEquals(Optional.of(FrameRate.FPS_23_976), f.fps());
        assertEquals(4, f.clips().size());
        AleClip c = f.clips().get(2);
        assertEquals("A005_C009_0501A0", c.name());
        assertEquals("17:40:25:06", c.start().orElseThrow().format());
        assertEquals(Optional.of(2L * 24 + 20), c.durationFrames());
        assertEquals("(0.8604 0.9252 0.9755)(-0.0735 -0.0813 -0.0737)(0.9988 1.0218 1.0101)", c.extra().get("ASC_SOP"));
        assertEquals("0.9", c.extra().get("ASC_SAT"));
        assertEquals("68", c.extra().get("Length"));
        ClipName red = ClipName.parse(c.extra().get("UNC")).orElseThrow();
        assertEquals(ClipName.Vendor.RED, red.vendor());
        assertEquals(9, red.clip());
        assertEquals(Optional.of("A005"), red.camroll());
    }
}
