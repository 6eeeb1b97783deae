package io.setkeeper.appliance.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Decoded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Raw H.264 elementary streams (footage/h264/*.264) carry no container timestamps: the decoder's guesses alternate
 * (0, 40 ms, 0, 40 ms, ... on VID_1920x1080), which read as frames going back in time. The frame source must hand
 * out increasing presentation times one frame step apart, or dropped-frame detection and slate sampling break.
 */
class FrameSourceDataTest {
    @Test
    void rawElementaryStreamsGetIncreasingTimestamps() throws Exception {
        List<Path> raw;
        try (Stream<Path> s = Files.list(TestData.file("footage/h264"))) {
            raw = s.filter(p -> p.toString().endsWith(".264")).sorted().toList();
        }
        assertTrue(raw.size() >= 2, "raw streams: " + raw);
        for (Path clip : raw) {
            List<Long> pts = new ArrayList<>();
            double[] step = {0};
            FrameSource.decode(clip, FrameSource.Options.defaults(), new FrameSource.Sink() {
                @Override
                public void start(FrameSource.Info info) {
                    step[0] = 1e6 / info.frameRate().toDouble();
                }

                @Override
                public FrameSource.Want want(long index, long ptsMicros) {
                    return FrameSource.Want.LUMA;
                }

                @Override
                public void frame(Decoded frame, long index) {
                    pts.add(frame.ptsMicros());
                }
            });
            assertTrue(pts.size() >= 5, clip + ": " + pts.size() + " frames");
            for (int i = 1; i < pts.size(); i++) {
                assertEquals(step[0], pts.get(i) - pts.get(i - 1), 1.0, clip.getFileName() + " frame " + i + ": " + pts);
            }
        }
    }
}
