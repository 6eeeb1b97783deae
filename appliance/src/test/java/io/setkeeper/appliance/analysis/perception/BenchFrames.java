package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Public door to the test-only ffmpeg frame source for the benchmark in another package. */
public final class BenchFrames {
    private BenchFrames() {
    }

    public static List<Frame> sample(Path clip, double fps, int max) throws IOException, InterruptedException {
        return FfmpegFrames.sample(clip, fps, max);
    }

    /** Consecutive frames at {@code fps}, scaled to the pipeline's analysis size (longer side {@code maxSide}). */
    public static List<Frame> analysisFrames(Path clip, double fps, int max, int maxSide)
            throws IOException, InterruptedException {
        return FfmpegFrames.sample(clip, fps, max, maxSide);
    }
}
