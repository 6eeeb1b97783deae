package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clean plates from synthetic takes: people masked out, misses outvoted, holes reported, versions signed. */
class PlatesTest {
    static final int W = 160, H = 120;

    static int background(int x, int y, int c) {
        return (x * 3 + y * 5 + c * 40) % 200 + 20;
    }

    /** A frame of the background with a red "person" at x0..x0+20 (full height band 30..100); its box detected or not. */
    static Frame frame(List<int[]> persons, long pts) {
        byte[] bgr = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    bgr[(y * W + x) * 3 + c] = (byte) background(x, y, c);
                }
                for (int[] p : persons) {
                    if (x >= p[0] && x < p[0] + 20 && y >= 30 && y < 100) {
                        bgr[(y * W + x) * 3] = 0;
                        bgr[(y * W + x) * 3 + 1] = 0;
                        bgr[(y * W + x) * 3 + 2] = (byte) 230;
                    }
                }
            }
        }
        return new Frame(W, H, bgr, pts);
    }

    static FramePerception seen(List<int[]> persons, long pts) {
        List<Detection> d = new ArrayList<>();
        for (int[] p : persons) {
            if (p[1] == 1) {
                d.add(new Detection(new Box(p[0], 30, p[0] + 20, 100, 0.9f), 0, "person"));
            }
        }
        return new FramePerception(pts, List.of(), d, null);
    }

    /** A take: a walker crossing (missed by the detector in 2 of 10 frames), a stander always at x=10. */
    static void take(Plates plates, String clip, int frames) {
        List<Frame> fs = new ArrayList<>();
        List<FramePerception> ps = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            List<int[]> persons = List.of(new int[] {40 + (i % 10) * 10, i % 10 == 3 || i % 10 == 7 ? 0 : 1}, new int[] {10, 1});
            fs.add(frame(persons, i * 100_000L));
            ps.add(seen(persons, i * 100_000L));
        }
        plates.learn(clip, "5C", fs, ps);
    }

    @Test
    void thePlateIsTheBackgroundWithPeopleMaskedAndMissesOutvoted() {
        Plates plates = new Plates();
        take(plates, "a", 10);
        Plates.Image img = plates.image("5C").orElseThrow();
        assertEquals(W, img.width(), "small frames are not upscaled");
        int wrong = 0, clean = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = y * W + x;
                if ((img.rgba()[p * 4 + 3] & 0xff) == 0) {
                    continue;
                }
                clean++;
                int r = img.rgba()[p * 4] & 0xff;
                if (Math.abs(r - background(x, y, 2)) > 2) {
                    wrong++;
                }
            }
        }
        assertEquals(0, wrong, "every covered pixel is the background, also where the walker was missed twice");
        Plates.Summary s = plates.summaries().getFirst();
        // the stander (x 10..30, y 30..100, grown by the box margin and the dilation) is never seen clean
        assertTrue(s.holeFraction() > 20.0 * 70 / (W * H) && s.holeFraction() < 0.2, "holes: " + s.holeFraction());
        assertEquals(W * H - clean, Math.round(s.holeFraction() * W * H));
        assertEquals(0, img.rgba()[(60 * W + 20) * 4 + 3], "the stander's place is a hole");
    }

    @Test
    void aClipTeachesItsPlateOnceWithABoundedNumberOfFrames() {
        Plates plates = new Plates();
        take(plates, "a", 100);
        assertEquals(Plates.MAX_FRAMES, plates.summaries().getFirst().frames());
        take(plates, "a", 10);
        assertEquals(1, plates.summaries().getFirst().clips());
        assertFalse(plates.learn("b", null, List.of(frame(List.of(), 0)), List.of(seen(List.of(), 0))), "no setup, no plate");
    }

    @Test
    void versionsCarryThePlatesSignedAndRefuseAChangedPlate(@TempDir Path dir) throws Exception {
        ProductionModel m = new ProductionModel("p", Set.of(), ProductionModelTest.CLOCK);
        m.learn(new Synthetic(1, 1, 1).clip("a", 0, 0));
        take(m.plates, "a", 10);
        ModelVersions versions = new ModelVersions(dir, ProductionModelTest.CLOCK);
        ModelVersion v = versions.cut(m, 1, null, "plates");
        Path png = v.dir().resolve("plates/5C.png");
        assertTrue(Files.size(png) > 0 && Files.exists(v.dir().resolve("plates/5C.coverage.png")));
        ModelVersions.Opened opened = versions.open("v1");
        assertTrue(opened.manifest().getJsonObject("files").containsKey("plates/5C.png"), "the plate is hashed in the manifest");
        assertEquals("plates/5C.coverage.png", opened.manifest().getJsonObject("references").getJsonArray("plates")
                .getJsonObject(0).getString("coverage"));
        Plates.Image before = m.plates.image("5C").orElseThrow(), after = opened.model().plates.image("5C").orElseThrow();
        assertArrayEquals(before.rgba(), after.rgba(), "the plate survives a version round trip");
        assertArrayEquals(before.coverage(), after.coverage());
        assertEquals(List.of("a"), opened.model().plates.clips("5C"));
        byte[] bytes = Files.readAllBytes(png);
        bytes[bytes.length / 2] ^= 1;
        Files.write(png, bytes);
        VersionRejectedException e = assertThrows(VersionRejectedException.class, () -> versions.open("v1"));
        assertTrue(e.getMessage().contains("plates/5C.png"), e.getMessage());
    }
}
