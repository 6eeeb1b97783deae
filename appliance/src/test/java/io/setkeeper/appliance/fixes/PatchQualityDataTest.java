package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.colour.DeltaE;
import io.setkeeper.appliance.colour.Lab;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.fixes.patch.Region;
import io.setkeeper.appliance.fixes.patch.TemporalFill;
import io.setkeeper.appliance.review.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Patch quality on real clips (every asl take, vtest.avi and the phone clips with enough frames): test code pastes
 * an obstruction (a grey 72x72 square, as a stand or a boom would) into frames 20-29 of the decoded frames, the
 * patch fills it from the neighbouring frames, and the patched region is compared with the untouched original:
 * CIEDE2000 (per pixel, mean) and PSNR, before (obstructed) and after (patched).
 */
class PatchQualityDataTest {
    private static final long FIRST = 20, LAST = 29;
    private static final Region REGION = new Region(24, 24, 72, 72);

    @Test
    void aPastedObstructionIsPatchedFromItsNeighbours() throws Exception {
        List<Path> clips = new ArrayList<>(Footage.files("footage/asl"));
        clips.add(TestData.file("footage/opencv/vtest.avi"));
        clips.addAll(Footage.files("footage/phone"));
        StringBuilder table = new StringBuilder("""
                | clip | neighbours | unstable | dE00 obstructed | patched | PSNR obstructed dB | patched dB | verdict |
                |---|---|---|---|---|---|---|---|
                """);
        List<String> notBetter = new ArrayList<>();
        int fixable = 0;
        for (Path clip : clips) {
            ClipFrames.Decoded d = ClipFrames.select(clip, 480, i -> i >= FIRST - 12 && i <= LAST + 12, LAST + 12);
            String name = clip.getParent().getFileName() + "/" + clip.getFileName();
            if (d.frames().size() < 34 || !REGION.fitsIn(d.frames().getFirst().width(),
                    d.frames().getFirst().height())) {
                table.append("| ").append(name).append(" | clip shorter than 42 frames: not used | | | | | | |\n");
                continue;
            }
            List<TemporalFill.Indexed> obstructed = new ArrayList<>();
            for (int i = 0; i < d.frames().size(); i++) {
                long idx = d.indices().get(i);
                Frame f = d.frames().get(i);
                obstructed.add(new TemporalFill.Indexed(idx, idx >= FIRST && idx <= LAST ? paste(f) : f));
            }
            TemporalFill.Patch p = TemporalFill.fill(obstructed, FIRST, LAST, REGION, List.of(),
                    TemporalFill.Settings.defaults());
            double deBefore = 0, deAfter = 0, psnrBefore = 0, psnrAfter = 0;
            int n = 0;
            for (int i = 0; i < d.frames().size(); i++) {
                long idx = d.indices().get(i);
                if (idx < FIRST || idx > LAST) {
                    continue;
                }
                byte[] original = crop(d.frames().get(i));
                byte[] before = crop(obstructed.get(i).frame());
                byte[] after = crop(p.applyTo(obstructed.get(i).frame()));
                deBefore += meanDeltaE(original, before);
                deAfter += meanDeltaE(original, after);
                psnrBefore += psnr(original, before);
                psnrAfter += psnr(original, after);
                n++;
            }
            deBefore /= n;
            deAfter /= n;
            psnrBefore /= n;
            psnrAfter /= n;
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1f | %.1f | %s |%n", name,
                    p.neighbours().size(), p.unstable(), deBefore, deAfter, psnrBefore, psnrAfter,
                    p.verdict().kind()));
            if (p.verdict().kind() == Verdict.Kind.FIXABLE_IN_POST) {
                fixable++;
                if (!(deAfter < deBefore) || !(psnrAfter > psnrBefore)) {
                    notBetter.add(name);
                }
            }
        }
        System.out.println("Patch quality\n" + table);
        assertTrue(fixable >= 12, "at least the locked-off asl takes are fixable in post:\n" + table);
        assertTrue(notBetter.isEmpty(), "patched no closer to the original: " + notBetter + "\n" + table);
    }

    /** The obstruction: a mid-grey square with a dark edge. */
    static Frame paste(Frame f) {
        byte[] out = f.bgr().clone();
        for (int y = REGION.y(); y < REGION.y() + REGION.h(); y++) {
            for (int x = REGION.x(); x < REGION.x() + REGION.w(); x++) {
                boolean edge = x < REGION.x() + 4 || y < REGION.y() + 4 || x >= REGION.x() + REGION.w() - 4
                        || y >= REGION.y() + REGION.h() - 4;
                int v = edge ? 30 : 128;
                int i = (y * f.width() + x) * 3;
                out[i] = (byte) v;
                out[i + 1] = (byte) v;
                out[i + 2] = (byte) v;
            }
        }
        return new Frame(f.width(), f.height(), out, f.ptsMicros());
    }

    static byte[] crop(Frame f) {
        byte[] out = new byte[REGION.w() * REGION.h() * 3];
        for (int y = 0; y < REGION.h(); y++) {
            System.arraycopy(f.bgr(), ((REGION.y() + y) * f.width() + REGION.x()) * 3, out, y * REGION.w() * 3,
                    REGION.w() * 3);
        }
        return out;
    }

    static double meanDeltaE(byte[] a, byte[] b) {
        double sum = 0;
        double[] la = new double[3], lb = new double[3];
        for (int i = 0; i < a.length; i += 3) {
            Lab.fromUnit((a[i + 2] & 0xff) / 255.0, (a[i + 1] & 0xff) / 255.0, (a[i] & 0xff) / 255.0, la);
            Lab.fromUnit((b[i + 2] & 0xff) / 255.0, (b[i + 1] & 0xff) / 255.0, (b[i] & 0xff) / 255.0, lb);
            sum += DeltaE.ciede2000(la, lb);
        }
        return sum / (a.length / 3.0);
    }

    /** PSNR in dB of two equally long 8-bit buffers (infinite when equal). */
    static double psnr(byte[] a, byte[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("PSNR needs two equally long, non-empty buffers");
        }
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xff) - (b[i] & 0xff);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
