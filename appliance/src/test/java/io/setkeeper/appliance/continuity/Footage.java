package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.media.FrameSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test-only: real clips decoded by the product's FrameSource, sampled evenly, perceived by the real models. */
final class Footage {
    /** Sampled frames of a clip with the decoder's info. */
    record Sampled(FrameSource.Info info, List<Frame> frames) {
    }

    private Footage() {
    }

    /** {@code n} frames spread evenly over the clip (the middle of n equal parts). */
    static Sampled sample(Path clip, int n) {
        FrameSource.Info[] info = new FrameSource.Info[1];
        List<Frame> frames = new ArrayList<>();
        long[] next = {0};
        long[] step = {0};
        FrameSource.Outcome o = FrameSource.decode(clip, FrameSource.Options.defaults(), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info i) {
                info[0] = i;
                step[0] = Math.max(1, i.durationMicros() / n);
                next[0] = step[0] / 2;
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                Frame frame = decoded.requireColour();
                if (frame.ptsMicros() >= next[0] && frames.size() < n) {
                    frames.add(frame);
                    next[0] += step[0];
                }
            }

            @Override
            public boolean wantsMore() {
                return frames.size() < n;
            }
        });
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames from " + clip + ": " + o);
        }
        return new Sampled(info[0], List.copyOf(frames));
    }

    static ClipFacts.Camera camera(FrameSource.Info i) {
        return new ClipFacts.Camera("A", i.frameRate() == null ? 0 : i.frameRate().toDouble(), i.sourceWidth(),
                i.sourceHeight(), i.transfer() == null ? null : i.transfer().name(), Map.of());
    }

    static ClipFacts facts(Perception perception, FactsGatherer.Slate slate, List<Frame> frames) {
        List<FramePerception> seen = frames.stream().map(perception::perceive).toList();
        return FactsGatherer.gather(slate, frames, seen);
    }
}
