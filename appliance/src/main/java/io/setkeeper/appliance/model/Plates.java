package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Clean plates of locked-off setups, one {@link PlateEstimator} per setup. Learning a clip uses at most
 * {@link #MAX_FRAMES} of its perceived frames (evenly spread), so its cost is bounded and does not depend on the
 * clips learned before; a clip is learned into a plate once. Thread-safe.
 */
public final class Plates {
    /** Frames of one clip that teach its plate, at most. */
    static final int MAX_FRAMES = 48;

    static final class Entry {
        final PlateEstimator estimator;
        final Set<String> clips = new LinkedHashSet<>();
        long frames;

        Entry(PlateEstimator estimator) {
            this.estimator = estimator;
        }
    }

    private final Map<String, Entry> plates = new LinkedHashMap<>();

    /** What a plate is: setup, working size, clips and frames learned, fraction of holes (never seen clean). */
    public record Summary(String setup, int width, int height, int clips, long frames, double holeFraction) {
    }

    /** A plate image: RGBA rows (alpha 0 at holes) and the coverage (unmasked samples per pixel, capped at 255). */
    public record Image(int width, int height, byte[] rgba, byte[] coverage) {
    }

    /**
     * Learns a locked-off clip of {@code setup} into its plate; false (nothing learned) when it was learned before
     * or has no frames. A clip whose frame size differs from the plate's is resampled to the plate's size.
     */
    public synchronized boolean learn(String clip, String setup, List<Frame> frames, List<FramePerception> seen) {
        if (setup == null || setup.isBlank() || frames.isEmpty()) {
            return false;
        }
        if (frames.size() != seen.size()) {
            throw new IllegalArgumentException("frames and perception differ in length: " + frames.size() + " vs " + seen.size());
        }
        Entry e = plates.get(setup);
        if (e == null) {
            int[] size = PlateEstimator.workingSize(frames.getFirst().width(), frames.getFirst().height());
            e = new Entry(new PlateEstimator(size[0], size[1], setup.hashCode()));
            plates.put(setup, e);
        }
        if (!e.clips.add(clip)) {
            return false;
        }
        int n = Math.min(MAX_FRAMES, frames.size());
        for (int i = 0; i < n; i++) {
            int k = (int) ((long) i * frames.size() / n);
            Frame f = frames.get(k);
            boolean[] person = PlateMask.of(seen.get(k), f.width(), f.height(), e.estimator.width, e.estimator.height);
            e.estimator.add(f, person);
            e.frames++;
        }
        return true;
    }

    public synchronized List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        plates.forEach((s, e) -> out.add(new Summary(s, e.estimator.width, e.estimator.height, e.clips.size(), e.frames,
                e.estimator.holeFraction())));
        return out;
    }

    public synchronized Optional<Image> image(String setup) {
        Entry e = plates.get(setup);
        if (e == null) {
            return Optional.empty();
        }
        byte[] cov = new byte[e.estimator.seen.length];
        for (int p = 0; p < cov.length; p++) {
            cov[p] = (byte) Math.min(255, e.estimator.seen[p]);
        }
        return Optional.of(new Image(e.estimator.width, e.estimator.height, e.estimator.plate(), cov));
    }

    public synchronized Set<String> setups() {
        return new LinkedHashSet<>(plates.keySet());
    }

    /** Restores a plate from a version: its image and coverage seed the estimator, its clips are known. */
    synchronized void restore(String setup, Image image, List<String> clips, long frames) {
        Entry e = new Entry(new PlateEstimator(image.width(), image.height(), setup.hashCode()));
        for (int p = 0; p < image.coverage().length; p++) {
            int n = image.coverage()[p] & 0xff;
            if (n > 0) {
                e.estimator.seed(p, image.rgba()[p * 4] & 0xff, image.rgba()[p * 4 + 1] & 0xff, image.rgba()[p * 4 + 2] & 0xff, n);
            }
        }
        e.clips.addAll(clips);
        e.frames = frames;
        plates.put(setup, e);
    }

    synchronized List<String> clips(String setup) {
        Entry e = plates.get(setup);
        return e == null ? List.of() : List.copyOf(e.clips);
    }

    synchronized long frames(String setup) {
        Entry e = plates.get(setup);
        return e == null ? 0 : e.frames;
    }
}
