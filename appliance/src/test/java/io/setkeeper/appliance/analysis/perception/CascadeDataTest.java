package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cascade and the sequence on real footage at the pipeline's rate and size (2 fps, 480 px): with people in the
 * picture nothing changes; on an empty street DeepLab is skipped (and its false mask on bushes is gone); a
 * sequence without reuse gives exactly {@code perceive}'s faces; with reuse some embeddings are carried; a frame
 * whose mask is not wanted gets none and the same faces and objects.
 */
class CascadeDataTest {
    private static Perception every;
    private static Perception cascade;
    private static Perception reuse;

    @BeforeAll
    static void open() {
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), TestData.file("models"));
        InferenceEngine engine = new InferenceEngine(registry, InferenceConfig.cpu(1));
        every = Perception.open(engine, Perception.Settings.everyModel());
        cascade = Perception.open(engine);
        reuse = Perception.open(engine, new Perception.Settings(PerceptionPlan.Cascade.defaults(),
                PerceptionSequence.MEASURED_REUSE));
    }

    @AfterAll
    static void close() {
        for (Perception p : new Perception[] {every, cascade, reuse}) {
            if (p != null) {
                p.close();
            }
        }
    }

    private static void assertSame(FramePerception a, FramePerception b) {
        assertEquals(a.objects(), b.objects());
        assertArrayEquals(a.personMask().mask(), b.personMask().mask());
        assertEquals(a.faces().size(), b.faces().size());
        for (int i = 0; i < a.faces().size(); i++) {
            assertEquals(a.faces().get(i).box(), b.faces().get(i).box());
            assertArrayEquals(a.faces().get(i).embedding(), b.faces().get(i).embedding(), 1e-6f);
        }
    }

    @Test
    void withPeopleInThePictureTheCascadeChangesNothing() throws Exception {
        for (String clip : List.of("footage/asl/please.mkv", "footage/opencv/vtest.avi")) {
            for (Frame f : FfmpegFrames.sample(TestData.file(clip), 2, 12, 480)) {
                assertSame(every.perceive(f), cascade.perceive(f));
            }
        }
    }

    @Test
    void aFrameWhoseMaskIsNotWantedHasNoneAndTheSameFacesAndObjects() throws Exception {
        for (Frame f : FfmpegFrames.sample(TestData.file("footage/asl/please.mkv"), 2, 6, 480)) {
            FramePerception full = cascade.perceive(f);
            FramePerception noMask = cascade.perceive(f, false);
            assertNull(noMask.personMask(), "the segmenter did not run");
            assertTrue(full.personMask().coverage() > 0, "a signer is in every frame");
            assertEquals(full.objects(), noMask.objects());
            assertEquals(full.faces().size(), noMask.faces().size());
            for (int i = 0; i < full.faces().size(); i++) {
                assertEquals(full.faces().get(i).box(), noMask.faces().get(i).box());
                assertArrayEquals(full.faces().get(i).embedding(), noMask.faces().get(i).embedding(), 1e-6f);
            }
        }
    }

    @Test
    void onAnEmptyStreetTheMaskIsSkipped() throws Exception {
        List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/gopro/max-heromode.mp4"), 2, 20, 480);
        int falseMasks = 0, skipped = 0;
        for (Frame f : frames) {
            FramePerception all = every.perceive(f);
            FramePerception cut = cascade.perceive(f);
            assertEquals(all.objects(), cut.objects());
            falseMasks += all.personMask().coverage() > 0.01 ? 1 : 0;
            if (cut.faces().isEmpty() && cut.people().isEmpty()) {
                assertEquals(0.0, cut.personMask().coverage(), "nobody seen: empty mask");
                skipped++;
            }
        }
        System.out.printf("heromode: %d frames, DeepLab skipped on %d; DeepLab alone marked >1%% person on %d%n",
                frames.size(), skipped, falseMasks);
        assertTrue(skipped >= frames.size() - 2, "the street is empty: " + skipped + " of " + frames.size());
        assertTrue(falseMasks > 0, "DeepLab's own false mask on the bushes is what the cascade drops");
    }

    @Test
    void aSequenceGivesPerceivesFacesUnlessReuseIsOn() throws Exception {
        List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/asl/book.mkv"), 2, 12, 480);
        PerceptionSequence plain = cascade.sequence();
        PerceptionSequence carried = reuse.sequence();
        double minCos = 1;
        for (Frame f : frames) {
            FramePerception fresh = cascade.perceive(f);
            assertSame(fresh, plain.perceive(f));
            FramePerception r = carried.perceive(f);
            assertEquals(fresh.faces().size(), r.faces().size());
            for (int i = 0; i < r.faces().size(); i++) {
                minCos = Math.min(minCos, Face.cosine(fresh.faces().get(i).embedding(), r.faces().get(i).embedding()));
            }
        }
        assertEquals(0, plain.reuseCounts()[0]);
        int[] counts = carried.reuseCounts();
        System.out.printf("book.mkv at 2 fps: %d of %d face embeddings carried; lowest cosine to the fresh one %.2f%n",
                counts[0], counts[1], minCos);
        assertTrue(counts[0] > 0 && counts[0] < counts[1], counts[0] + " of " + counts[1]);
        assertTrue(minCos > 0.5, "a carried embedding is still the same person's: " + minCos);
    }
}
