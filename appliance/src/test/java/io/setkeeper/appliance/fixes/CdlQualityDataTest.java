package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.colour.DeltaE;
import io.setkeeper.appliance.colour.Lab;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.fixes.cdl.CdlMatch;
import io.setkeeper.appliance.fixes.cdl.LookStats;
import io.setkeeper.appliance.fixes.cdl.Pixels;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CDL match quality on every asl and phone clip: six frames per clip are pushed off their look by a known CDL
 * (protocol's {@link Cdl#apply}), then a CDL is solved that matches the pushed pixels back to the original ones as
 * the reference. Reported per clip: the product's band CIEDE2000 before and after, the per-pixel CIEDE2000 before
 * and after (the pixels correspond here, so this is the true error), the recovered CDL against the exact inverse of
 * the push on a grey ramp and 12 colour patches (CIEDE2000 between the two outputs), and the parameter differences
 * to the CDL that best fits that inverse on a 9x9x9 grid.
 */
class CdlQualityDataTest {
    static final List<Cdl> PUSHES = List.of(
            Cdl.of("warm", new Rgb(1.15, 1.0, 0.85), new Rgb(0.02, 0.01, 0.0), new Rgb(0.9, 1.0, 1.1), 1.1),
            Cdl.of("cool-flat", new Rgb(0.85, 0.95, 1.1), new Rgb(-0.02, 0.0, 0.03), new Rgb(1.1, 1.05, 0.95), 0.8),
            Cdl.of("green-contrast", new Rgb(0.95, 1.1, 0.95), new Rgb(0.0, -0.02, 0.0), new Rgb(1.15, 1.1, 1.15),
                    1.2));
    /** A grey ramp and twelve ColorChecker-like sRGB patches. */
    static final List<Rgb> PATCHES;

    static {
        List<Rgb> p = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            p.add(Rgb.all(i / 10.0));
        }
        int[][] cc = {{115, 82, 68}, {194, 150, 130}, {98, 122, 157}, {87, 108, 67}, {133, 128, 177},
                {103, 189, 170}, {214, 126, 44}, {80, 91, 166}, {193, 90, 99}, {94, 60, 108}, {157, 188, 64},
                {224, 163, 46}};
        for (int[] c : cc) {
            p.add(new Rgb(c[0] / 255.0, c[1] / 255.0, c[2] / 255.0));
        }
        PATCHES = List.copyOf(p);
    }

    static List<Path> clips() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("footage/asl", "footage/phone")) {
            try (Stream<Path> s = Files.list(TestData.file(dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyAslAndPhoneClipIsMatchedBack() throws Exception {
        List<Path> clips = clips();
        StringBuilder table = new StringBuilder("""
                | clip | push | band dE00 before | after | pixel dE00 before | after | patches dE00 mean | max | \
                max param diff (s/o/p/sat) | verdict |
                |---|---|---|---|---|---|---|---|---|---|
                """);
        double sumBefore = 0, sumAfter = 0, maxAfter = 0, sumPixB = 0, sumPixA = 0, maxPixA = 0, sumPatch = 0;
        double maxPatch = 0;
        int n = 0;
        List<String> worse = new ArrayList<>();
        for (int c = 0; c < clips.size(); c++) {
            Path clip = clips.get(c);
            Cdl push = PUSHES.get(c % PUSHES.size());
            Pixels original = Pixels.sample(ClipFrames.even(clip, 320, 6).frames(), null, 8000);
            Pixels pushed = protocolApply(push, original);
            CdlMatch.Match m = CdlMatch.match(pushed, LookStats.of(original), CdlMatch.DEFAULT_LIMIT, "original");
            double pixBefore = pixelDeltaE(original, pushed), pixAfter = pixelDeltaE(original, pushed.apply(m.cdl()));
            double[] patch = patchesAgainstInverse(m.cdl(), push);
            double[] params = parameterDifferences(m.cdl(), bestInverse(push));
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | "
                            + "%.3f/%.3f/%.3f/%.3f | %s |%n", clip.getParent().getFileName() + "/" + clip.getFileName(),
                    push.id(), m.deltaEBefore(), m.deltaEAfter(), pixBefore, pixAfter, patch[0], patch[1], params[0],
                    params[1], params[2], params[3], m.verdict().kind()));
            if (!(m.deltaEAfter() < m.deltaEBefore()) || !(pixAfter < pixBefore)) {
                worse.add(clip.getFileName().toString());
            }
            sumBefore += m.deltaEBefore();
            sumAfter += m.deltaEAfter();
            maxAfter = Math.max(maxAfter, m.deltaEAfter());
            sumPixB += pixBefore;
            sumPixA += pixAfter;
            maxPixA = Math.max(maxPixA, pixAfter);
            sumPatch += patch[0];
            maxPatch = Math.max(maxPatch, patch[1]);
            n++;
        }
        table.append(String.format(Locale.ROOT, "%nclips %d: band dE00 mean %.2f -> %.2f (max after %.2f); pixel dE00 "
                        + "mean %.2f -> %.2f (max after %.2f); recovered vs exact inverse on patches: mean %.2f, "
                        + "max %.2f%n", n, sumBefore / n, sumAfter / n, maxAfter, sumPixB / n, sumPixA / n, maxPixA,
                sumPatch / n, maxPatch));
        System.out.println("CDL match quality\n" + table);
        assertTrue(n >= 20, "every asl and phone clip: " + n);
        assertTrue(worse.isEmpty(), "the CDL made these clips no closer to their reference: " + worse + "\n" + table);
    }

    static Pixels protocolApply(Cdl cdl, Pixels in) {
        float[] out = new float[in.rgb().length];
        for (int i = 0; i < out.length; i += 3) {
            Rgb o = cdl.apply(new Rgb(in.rgb()[i], in.rgb()[i + 1], in.rgb()[i + 2]));
            out[i] = (float) o.r();
            out[i + 1] = (float) o.g();
            out[i + 2] = (float) o.b();
        }
        return new Pixels(out);
    }

    static double pixelDeltaE(Pixels a, Pixels b) {
        double sum = 0;
        double[] la = new double[3], lb = new double[3];
        for (int i = 0; i < a.count(); i++) {
            Lab.fromUnit(a.rgb()[3 * i], a.rgb()[3 * i + 1], a.rgb()[3 * i + 2], la);
            Lab.fromUnit(b.rgb()[3 * i], b.rgb()[3 * i + 1], b.rgb()[3 * i + 2], lb);
            sum += DeltaE.ciede2000(la, lb);
        }
        return sum / a.count();
    }

    /** Mean and max CIEDE2000 between recovered(P) and push^-1(P) over the patches whose inverse is in range. */
    static double[] patchesAgainstInverse(Cdl recovered, Cdl push) {
        double sum = 0, max = 0;
        int n = 0;
        for (Rgb p : PATCHES) {
            var inv = push.invert(p).filter(CdlQualityDataTest::inUnit);
            if (inv.isEmpty()) {
                continue;
            }
            double d = CdlMatch.deltaE(recovered.apply(p), inv.get());
            sum += d;
            max = Math.max(max, d);
            n++;
        }
        return new double[] {n == 0 ? Double.NaN : sum / n, max};
    }

    /** The CDL closest (least squares in RGB) to the exact inverse of {@code push} on a 9x9x9 grid. */
    static Cdl bestInverse(Cdl push) {
        List<Rgb> in = new ArrayList<>(), want = new ArrayList<>();
        for (int r = 1; r <= 9; r++) {
            for (int g = 1; g <= 9; g++) {
                for (int b = 1; b <= 9; b++) {
                    Rgb p = new Rgb(r / 10.0, g / 10.0, b / 10.0);
                    push.invert(p).filter(CdlQualityDataTest::inUnit).ifPresent(v -> {
                        in.add(p);
                        want.add(v);
                    });
                }
            }
        }
        var s = LeastSquares.minimise(x -> {
            Cdl c = cdl(x);
            double[] res = new double[3 * in.size()];
            for (int i = 0; i < in.size(); i++) {
                Rgb o = c.apply(in.get(i));
                res[3 * i] = o.r() - want.get(i).r();
                res[3 * i + 1] = o.g() - want.get(i).g();
                res[3 * i + 2] = o.b() - want.get(i).b();
            }
            return res;
        }, new double[10], 100);
        return cdl(s.x());
    }

    private static Cdl cdl(double[] x) {
        return Cdl.of("inverse", new Rgb(Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2])), new Rgb(x[3], x[4], x[5]),
                new Rgb(Math.exp(x[6]), Math.exp(x[7]), Math.exp(x[8])), Math.exp(x[9]));
    }

    /** Largest absolute difference of slope, offset and power, and of saturation. */
    static double[] parameterDifferences(Cdl a, Cdl b) {
        return new double[] {a.slope().maxDifference(b.slope()), a.offset().maxDifference(b.offset()),
                a.power().maxDifference(b.power()), Math.abs(a.saturation() - b.saturation())};
    }

    private static boolean inUnit(Rgb v) {
        return v.r() >= 0 && v.r() <= 1 && v.g() >= 0 && v.g() <= 1 && v.b() >= 0 && v.b() <= 1;
    }
}
