package io.setkeeper.appliance.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.analysis.perception.slate.SlateText;
import io.setkeeper.appliance.clips.Slate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The slate in the picture against the logged slate; and where slate frames are looked for. */
class SlateCheckTest {
    private static Slate logged(String scene, String setup, String take, String roll) {
        return new Slate(Optional.ofNullable(scene), Optional.ofNullable(setup), Optional.ofNullable(take),
                Optional.empty(), Optional.ofNullable(roll), List.of(), List.of());
    }

    private static SlateText read(String scene, String take, String roll, double confidence) {
        return new SlateText(Optional.ofNullable(scene), Optional.ofNullable(take), Optional.ofNullable(roll), "", confidence);
    }

    @Test
    void agreeingSlateIsNoFinding_sceneMatchesSetupOrScene() {
        assertEquals(List.of(), SlateCheck.compare(read("5C", "3", "A001", 0.95), logged("5", "5C", "03", "a001"),
                Optional.empty()));
        assertEquals(List.of(), SlateCheck.compare(read("5", "3", null, 0.95), logged("5", "5C", "3", null),
                Optional.empty()));
    }

    @Test
    void disagreementsAreListedPerField() {
        List<SlateCheck.Difference> d = SlateCheck.compare(read("5D", "4", "A002", 0.95), logged("5", "5C", "3", null),
                Optional.of("A001"));
        assertEquals(List.of(new SlateCheck.Difference("scene", "5D", "5C"), new SlateCheck.Difference("take", "4", "3"),
                new SlateCheck.Difference("roll", "A002", "A001")), d);
    }

    @Test
    void unsureReadsAndUnloggedFieldsAreNotCompared() {
        assertEquals(List.of(), SlateCheck.compare(read("5D", "4", null, 0.6), logged("5", "5C", "3", null),
                Optional.empty()));
        assertEquals(List.of(), SlateCheck.compare(read("5D", "4", "B001", 0.95), Slate.NONE, Optional.empty()));
    }

    @Test
    void slateFramesAreTheHeadAndTheTailOfTheClip() {
        SlateFrames f = new SlateFrames(2_000_000, 500_000);
        for (int i = 0; i < 300; i++) { // 10 s at 30 fps
            f.offer(new Frame(2, 2, new byte[12], i * 33_334L), i);
        }
        List<SlateFrames.Candidate> c = f.candidates();
        assertEquals(List.of(0L, 15L, 30L, 45L), c.stream().filter(x -> !x.tail()).map(SlateFrames.Candidate::index).toList());
        List<Long> tail = c.stream().filter(SlateFrames.Candidate::tail).map(SlateFrames.Candidate::index).toList();
        assertEquals(4, tail.size(), tail.toString());
        assertEquals(tail.stream().sorted(java.util.Comparator.reverseOrder()).toList(), tail, "end first");
        assertEquals(true, tail.getLast() >= 239, tail.toString());
    }
}
