package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** YOLOX people/objects and the DeepLab person mask on the real footage. */
class ObjectPerceptionDataTest {
    @RegisterExtension
    static final PerceptionExtension PERCEPTION = new PerceptionExtension();

    @Test
    void vtestPlazaIsFullOfPedestrians() throws Exception {
        List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/opencv/vtest.avi"), 0.5, 40);
        assertTrue(frames.size() >= 35, "vtest is 79 s: " + frames.size());
        int total = 0, min = Integer.MAX_VALUE, max = 0;
        double coverage = 0;
        for (Frame f : frames) {
            FramePerception fp = new FramePerception(f.ptsMicros(), List.of(), PERCEPTION.get().objects(f), PERCEPTION.get().personMask(f));
            int n = fp.people().size();
            total += n;
            min = Math.min(min, n);
            max = Math.max(max, n);
            coverage += fp.personMask().coverage();
            for (Detection d : fp.people()) {
                assertTrue(d.box().height() < 0.6 * f.height(), "a pedestrian in a wide is small: " + d);
            }
        }
        double mean = (double) total / frames.size();
        System.out.printf("vtest: %d frames, persons per frame mean %.2f min %d max %d; DeepLab mean coverage %.4f%n",
                frames.size(), mean, min, max, coverage / frames.size());
        assertTrue(mean >= 4, "mean persons per frame " + mean);
        assertTrue(min >= 2, "every sampled frame has people, min " + min);
    }

    @Test
    void aslTakesShowOnePerformer_pleaseAlsoTheSecondPersonAtTheRightEdge_andTheMaskAgrees() throws Exception {
        for (String clip : Production.performerByClip().keySet()) {
            List<Frame> frames = FfmpegFrames.sample(TestData.file("footage/asl/" + clip), 2, 10);
            int rightEdge = 0;
            double minInside = 1;
            for (Frame f : frames) {
                List<Detection> people = PERCEPTION.get().objects(f).stream().filter(Detection::isPerson).toList();
                Detection performer = people.getFirst();
                assertTrue(performer.box().score() > 0.8, clip + ": performer " + performer);
                assertTrue(performer.box().centerX() > 200 && performer.box().centerX() < 440, clip + ": performer " + performer);
                assertTrue(performer.box().height() > 0.7 * f.height(), clip + ": medium shot " + performer);
                List<Detection> others = people.subList(1, people.size());
                if (others.stream().anyMatch(d -> d.box().x2() > f.width() - 4 && d.box().x1() > 0.7 * f.width())) {
                    rightEdge++;
                }
                assertTrue(others.stream().allMatch(d -> d.box().x1() > 0.7 * f.width()),
                        clip + ": nobody else in the middle of the frame: " + others);

                PersonMask mask = PERCEPTION.get().personMask(f);
                double inside = maskFractionInside(mask, performer, f);
                assertTrue(mask.coverage() > 0.1 && mask.coverage() < 0.5, clip + ": mask coverage " + mask.coverage());
                assertTrue(inside > 0.9, clip + ": mask pixels of the central band inside the YOLOX performer box " + inside);
                minInside = Math.min(minInside, inside);
            }
            System.out.printf("%-12s person at right edge in %d of %d frames; central mask inside performer box >= %.3f%n",
                    clip, rightEdge, frames.size(), minInside);
            if (clip.equals("please.mkv")) {
                assertEquals(frames.size(), rightEdge, "please.mkv has a second person at the right frame edge");
            }
        }
    }

    /** Fraction of the mask's person pixels in the central band (20%..80% of the width) inside the box. */
    private static double maskFractionInside(PersonMask mask, Detection performer, Frame f) {
        int in = 0, all = 0;
        Box b = performer.box();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = (int) (0.2 * mask.width()); x < 0.8 * mask.width(); x++) {
                if (mask.mask()[y * mask.width() + x] == 0) {
                    continue;
                }
                all++;
                double fx = (x + 0.5) * f.width() / mask.width(), fy = (y + 0.5) * f.height() / mask.height();
                if (fx >= b.x1() - 8 && fx <= b.x2() + 8 && fy >= b.y1() - 8 && fy <= b.y2() + 8) {
                    in++;
                }
            }
        }
        return all == 0 ? 0 : (double) in / all;
    }

    @Test
    void nearBlackPhoneClipHasNoPeopleAndNoMask() throws Exception {
        for (Frame f : FfmpegFrames.sample(TestData.file("footage/phone/pixel7_videoOnly_cleaned.mp4"), 5, 10)) {
            assertEquals(List.of(), PERCEPTION.get().objects(f).stream().filter(Detection::isPerson).toList());
            assertTrue(PERCEPTION.get().personMask(f).coverage() < 0.01);
        }
    }
}
