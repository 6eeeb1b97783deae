package io.setkeeper.appliance.fixes.patch;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.review.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A patch for a brief obstruction: the region over frames [first, last] is filled with the per-pixel median of the
 * same region in the nearest frames outside that range (up to {@link Settings#neighbours}, half before and half
 * after where the clip allows). The neighbours are clean when the region holds still in them: a pixel whose luma
 * deviates from the neighbours' median by more than {@link Settings#unstableLevel} (median absolute deviation) is
 * unstable, and too many unstable pixels mean a moving camera or something else in the way. Verdict: reshoot
 * advised when the region covers a performer's face, when fewer than {@link Settings#minNeighbours} frames lie
 * outside the range, or when the neighbours are not clean. Pure.
 */
public final class TemporalFill {
    /**
     * Tuning.
     *
     * @param neighbours    frames outside the range the fill is taken from, at most
     * @param minNeighbours fewer than this is "no clean neighbours"
     * @param unstableLevel luma MAD (0..255) above which a region pixel is unstable across the neighbours
     * @param maxUnstable   fraction of unstable region pixels the neighbours may have
     * @param faceCover     fraction of a face box inside the region that counts as covering the face
     */
    public record Settings(int neighbours, int minNeighbours, double unstableLevel, double maxUnstable,
                           double faceCover) {
        public static Settings defaults() {
            return new Settings(24, 3, 8, 0.15, 0.2);
        }
    }

    /** A frame of the clip with its index. */
    public record Indexed(long index, Frame frame) {
    }

    /**
     * The fill (region-sized BGR), the neighbour frames it came from, the unstable fraction and the verdict.
     */
    public record Patch(Region region, long first, long last, byte[] fill, List<Long> neighbours, double unstable,
                        Verdict verdict) {
        /** A copy of {@code f} with the region replaced by the fill (the original frame is not touched). */
        public Frame applyTo(Frame f) {
            byte[] out = f.bgr().clone();
            for (int y = 0; y < region.h(); y++) {
                System.arraycopy(fill, y * region.w() * 3, out, ((region.y() + y) * f.width() + region.x()) * 3,
                        region.w() * 3);
            }
            return new Frame(f.width(), f.height(), out, f.ptsMicros());
        }
    }

    private TemporalFill() {
    }

    /**
     * Plans the patch. {@code frames} are frames of the clip in order (the range and around it), all one size;
     * {@code faces} are the performers' face boxes seen inside the range.
     */
    public static Patch fill(List<Indexed> frames, long first, long last, Region region, List<Box> faces,
                             Settings s) {
        if (last < first) {
            throw new IllegalArgumentException("the frame range must be [first, last] with first <= last, was ["
                    + first + ", " + last + "]");
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to patch from");
        }
        Frame any = frames.getFirst().frame();
        if (!region.fitsIn(any.width(), any.height())) {
            throw new IllegalArgumentException("the region " + region + " does not fit the " + any.width() + "x"
                    + any.height() + " picture");
        }
        List<Indexed> outside = frames.stream().filter(f -> f.index() < first || f.index() > last)
                .sorted(Comparator.comparingLong(f -> distance(f.index(), first, last))).limit(s.neighbours())
                .sorted(Comparator.comparingLong(Indexed::index)).toList();
        byte[] fill = new byte[region.w() * region.h() * 3];
        double unstable = outside.isEmpty() ? 1 : median(outside, region, fill, s.unstableLevel());
        List<Long> used = outside.stream().map(Indexed::index).toList();
        return new Patch(region, first, last, fill, used, unstable, verdict(region, faces, outside.size(), unstable,
                first, last, s));
    }

    private static Verdict verdict(Region region, List<Box> faces, int neighbours, double unstable, long first,
                                   long last, Settings s) {
        for (Box f : faces) {
            if (region.covers(f) > s.faceCover()) {
                return new Verdict(Verdict.Kind.RESHOOT_ADVISED, String.format(Locale.ROOT, "reshoot advised: the "
                        + "region covers %.0f%% of a performer's face", 100 * region.covers(f)));
            }
        }
        if (neighbours < s.minNeighbours()) {
            return new Verdict(Verdict.Kind.RESHOOT_ADVISED, "reshoot advised: no clean neighbours: only "
                    + neighbours + " frame(s) outside frames " + first + "-" + last);
        }
        if (unstable > s.maxUnstable()) {
            return new Verdict(Verdict.Kind.RESHOOT_ADVISED, String.format(Locale.ROOT, "reshoot advised: no clean "
                    + "neighbours: %.0f%% of the region changes across the %d frames around the range (a moving "
                    + "camera or another obstruction)", 100 * unstable, neighbours));
        }
        return new Verdict(Verdict.Kind.FIXABLE_IN_POST, String.format(Locale.ROOT, "fixable in post: frames %d-%d,"
                + " region %dx%d at %d,%d filled from the median of %d neighbouring frames (%.0f%% of it unstable)",
                first, last, region.w(), region.h(), region.x(), region.y(), neighbours, 100 * unstable));
    }

    private static long distance(long i, long first, long last) {
        return i < first ? first - i : i - last;
    }

    /** Writes the per-pixel median into {@code fill}; returns the fraction of unstable pixels. */
    private static double median(List<Indexed> frames, Region r, byte[] fill, double unstableLevel) {
        int n = frames.size();
        int[] v = new int[n];
        double[] luma = new double[n];
        double[] dev = new double[n];
        int unstable = 0;
        for (int y = 0; y < r.h(); y++) {
            for (int x = 0; x < r.w(); x++) {
                for (int c = 0; c < 3; c++) {
                    for (int k = 0; k < n; k++) {
                        v[k] = frames.get(k).frame().at(r.x() + x, r.y() + y, c);
                    }
                    Arrays.sort(v);
                    fill[(y * r.w() + x) * 3 + c] = (byte) v[n / 2];
                }
                for (int k = 0; k < n; k++) {
                    Frame f = frames.get(k).frame();
                    luma[k] = 0.114 * f.at(r.x() + x, r.y() + y, 0) + 0.587 * f.at(r.x() + x, r.y() + y, 1)
                            + 0.299 * f.at(r.x() + x, r.y() + y, 2);
                }
                double[] sorted = luma.clone();
                Arrays.sort(sorted);
                double med = sorted[n / 2];
                for (int k = 0; k < n; k++) {
                    dev[k] = Math.abs(luma[k] - med);
                }
                Arrays.sort(dev);
                if (dev[n / 2] > unstableLevel) {
                    unstable++;
                }
            }
        }
        return (double) unstable / (r.w() * r.h());
    }

    /** The neighbours a list of frames offers, for callers that pick what to decode: indices around the range. */
    public static List<Long> wanted(long first, long last, long frames, int neighbours) {
        List<Long> out = new ArrayList<>();
        for (long i = Math.max(0, first - neighbours); i <= Math.min(frames - 1, last + neighbours); i++) {
            out.add(i);
        }
        return out;
    }
}
