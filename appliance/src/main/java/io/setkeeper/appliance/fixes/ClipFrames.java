package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.media.FrameSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Reads the frames a fix generator needs from a clip through {@link FrameSource} (the original is only read).
 * Decoding stops once nothing more is wanted.
 */
public final class ClipFrames {
    /** The decode info, the frames kept, their indices in the clip and how many frames were decoded. */
    public record Decoded(FrameSource.Info info, List<Frame> frames, List<Long> indices, long decoded) {
    }

    private ClipFrames() {
    }

    /** About {@code count} frames spread evenly over the clip, at the analysis size {@code maxSide}. */
    public static Decoded even(Path file, int maxSide, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        List<Frame> all = new ArrayList<>();
        List<Long> idx = new ArrayList<>();
        long[] expected = {0};
        long[] every = {1};
        long[] seen = {0};
        FrameSource.Info info = run(file, maxSide, new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info i) {
                expected[0] = i.expectedFrames();
                every[0] = Math.max(1, expected[0] / count);
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame frame = decoded.requireColour();
                seen[0] = index + 1;
                if (index % every[0] == 0) {
                    all.add(frame);
                    idx.add(index);
                }
                // an unknown or wrong frame count: thin what we hold
                if (all.size() >= 2 * count) {
                    for (int i = all.size() - 1; i >= 0; i -= 2) {
                        all.remove(i);
                        idx.remove(i);
                    }
                    every[0] *= 2;
                }
            }
        });
        return new Decoded(info, List.copyOf(all), List.copyOf(idx), seen[0]);
    }

    /** The frames whose index {@code wanted} accepts, stopping after {@code lastIndex}. */
    public static Decoded select(Path file, int maxSide, LongPredicate wanted, long lastIndex) {
        List<Frame> frames = new ArrayList<>();
        List<Long> idx = new ArrayList<>();
        long[] seen = {-1};
        FrameSource.Info info = run(file, maxSide, new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info i) {
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame frame = decoded.requireColour();
                seen[0] = index;
                if (wanted.test(index)) {
                    frames.add(frame);
                    idx.add(index);
                }
            }

            @Override
            public boolean wantsMore() {
                return seen[0] < lastIndex;
            }
        });
        return new Decoded(info, List.copyOf(frames), List.copyOf(idx), seen[0] + 1);
    }

    private static FrameSource.Info run(Path file, int maxSide, FrameSource.Sink sink) {
        FrameSource.Info[] info = new FrameSource.Info[1];
        FrameSource.Outcome outcome = FrameSource.decode(file, new FrameSource.Options(maxSide,
                FrameSource.Hardware.AUTO, 0), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info i) {
                info[0] = i;
                sink.start(i);
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                sink.frame(decoded, index);
            }

            @Override
            public boolean wantsMore() {
                return sink.wantsMore();
            }
        });
        if (outcome instanceof FrameSource.Outcome.Failed f) {
            throw new IllegalArgumentException("cannot decode " + file.getFileName() + ": " + f.reason());
        }
        if (info[0] == null) {
            throw new IllegalArgumentException("cannot decode " + file.getFileName() + ": no video");
        }
        return info[0];
    }
}
