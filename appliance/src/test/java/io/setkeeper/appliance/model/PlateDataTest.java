package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The clean plate of {@code footage/opencv/vtest.avi} (79 s locked-off wide, people crossing), learned as four
 * 20-second takes of one setup at 1 frame per second. Quality: the person detector (YOLOX) and the person mask
 * (DeepLab) run again on the plate itself; how much of the plate still shows a person, and how much is a hole.
 */
class PlateDataTest {
    @Test
    void theCleanPlateOfVtestShowsAlmostNoPeople() throws Exception {
        List<Frame> frames = AslTakes.sample(TestData.file("footage/opencv/vtest.avi"), 1, 80);
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), TestData.file("models"));
        try (Perception perception = Perception.open(new InferenceEngine(registry, InferenceConfig.cpu(2)))) {
            List<FramePerception> seen = new ArrayList<>();
            double framePersonFraction = 0, framePeople = 0;
            for (Frame f : frames) {
                List<Detection> objects = perception.objects(f);
                PersonMask mask = perception.personMask(f);
                seen.add(new FramePerception(f.ptsMicros(), List.of(), objects, mask));
                framePersonFraction += mask.coverage() / frames.size();
                framePeople += objects.stream().filter(Detection::isPerson).count() / (double) frames.size();
            }
            System.out.printf("vtest: %d frames at 1 fps; per frame the person mask covers %.2f%% and YOLOX finds %.1f people%n",
                    frames.size(), 100 * framePersonFraction, framePeople);
            Plates plates = new Plates();
            int takes = 4, per = (frames.size() + takes - 1) / takes;
            for (int t = 0; t < takes; t++) {
                int a = t * per, b = Math.min(frames.size(), a + per);
                long start = System.nanoTime();
                plates.learn("vtest-" + (t + 1), "W1", frames.subList(a, b), seen.subList(a, b));
                Plates.Summary s = plates.summaries().getFirst();
                System.out.printf("after take %d (%d frames, %.0f ms): holes %.2f%% of the plate%n", t + 1, b - a,
                        (System.nanoTime() - start) / 1e6, 100 * s.holeFraction());
            }
            Plates.Summary s = plates.summaries().getFirst();
            Plates.Image plate = plates.image("W1").orElseThrow();
            Frame asFrame = toFrame(plate);
            PersonMask mask = perception.personMask(asFrame);
            long masked = 0, covered = 0;
            int hx1 = plate.width(), hy1 = plate.height(), hx2 = -1, hy2 = -1;
            for (int y = 0; y < plate.height(); y++) {
                for (int x = 0; x < plate.width(); x++) {
                    if ((plate.rgba()[(y * plate.width() + x) * 4 + 3] & 0xff) == 0) {
                        hx1 = Math.min(hx1, x);
                        hy1 = Math.min(hy1, y);
                        hx2 = Math.max(hx2, x);
                        hy2 = Math.max(hy2, y);
                    } else {
                        covered++;
                        masked += mask.personAt(x, y, plate.width(), plate.height()) ? 1 : 0;
                    }
                }
            }
            List<Detection> people = perception.objects(asFrame).stream().filter(Detection::isPerson).toList();
            double boxArea = people.stream().mapToDouble(d -> d.box().clip(plate.width(), plate.height()).area()).sum()
                    / ((double) plate.width() * plate.height());
            double personFraction = covered == 0 ? 1 : (double) masked / covered;
            System.out.printf("vtest plate %dx%d: person mask on the plate %.3f%% of its pixels; YOLOX persons on the plate %d"
                            + " (boxes %.3f%% of the plate) %s; holes %.3f%%%n", plate.width(), plate.height(),
                    100 * personFraction, people.size(), 100 * boxArea, people.stream().map(d -> String.format("%.2f", d.box().score())).toList(),
                    100 * s.holeFraction());
            System.out.printf("holes within x %d..%d, y %d..%d of the plate; in a version: plate PNG %d bytes, coverage PNG %d bytes%n",
                    hx1, hx2, hy1, hy2, PlatePng.plate(plate).length, PlatePng.coverage(plate).length);
            Path docs = Path.of("..", "docs");
            if (Files.isDirectory(docs)) {
                Files.createDirectories(docs.resolve("images"));
                Files.write(docs.resolve("images/vtest-plate.png"), PlatePng.plate(half(plate)));
            }
            assertTrue(personFraction < 0.005, "the plate shows almost no person: " + personFraction);
            assertTrue(people.size() <= 1, "YOLOX finds at most one person on the plate: " + people.size());
            assertTrue(s.holeFraction() < 0.01, "almost every pixel was seen without a person: " + s.holeFraction());
            assertTrue(framePersonFraction > 20 * personFraction, "the plate has far fewer person pixels than the frames");
        }
    }

    /** Half size (2x2 means; a hole where any of the four is one), small enough for the docs. */
    static Plates.Image half(Plates.Image p) {
        int w = p.width() / 2, h = p.height() / 2;
        byte[] rgba = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int alpha = 255;
                for (int c = 0; c < 4; c++) {
                    int sum = 0;
                    for (int k = 0; k < 4; k++) {
                        int v = p.rgba()[((2 * y + k / 2) * p.width() + 2 * x + k % 2) * 4 + c] & 0xff;
                        sum += v;
                        alpha = c == 3 ? Math.min(alpha, v) : alpha;
                    }
                    rgba[(y * w + x) * 4 + c] = (byte) (c == 3 ? alpha : (sum + 2) / 4);
                }
            }
        }
        return new Plates.Image(w, h, rgba, new byte[w * h]);
    }

    /** The plate as a BGR frame (holes mid-grey) for the detectors. */
    static Frame toFrame(Plates.Image p) {
        byte[] bgr = new byte[p.width() * p.height() * 3];
        for (int i = 0; i < p.width() * p.height(); i++) {
            boolean hole = (p.rgba()[i * 4 + 3] & 0xff) == 0;
            for (int c = 0; c < 3; c++) {
                bgr[i * 3 + c] = hole ? (byte) 128 : p.rgba()[i * 4 + 2 - c];
            }
        }
        return new Frame(p.width(), p.height(), bgr, 0);
    }
}
