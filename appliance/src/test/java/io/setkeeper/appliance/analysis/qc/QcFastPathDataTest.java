package io.setkeeper.appliance.analysis.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast QC path against the plain per-pixel reference ({@link QcReference}) on real decoded frames: every
 * {@link FrameMetrics} value and every stuck-pixel suspect must be identical, on clips chosen for what they
 * exercise (camera motion, a locked-off street, a nearly black clip, clipped highlights, an injected hot pixel).
 */
class QcFastPathDataTest {
    @Test
    void realFramesGiveIdenticalMetricsAndSuspects() {
        int clips = 0;
        int withSuspects = 0;
        for (String name : List.of("gopro/karma.mp4", "opencv/vtest.avi", "phone/pixel7_videoOnly_cleaned.mp4",
                "gopro/max-heromode.mp4", "asl/please.mkv")) {
            QcFootageDataTest.Decoded d = QcFootageDataTest.decode(TestData.file("footage/" + name));
            for (List<Frame> frames : List.of(d.frames(), Defects.stuckPixel(d.frames()))) {
                Frame first = frames.getFirst();
                int w = first.width();
                int h = first.height();
                QcAnalyzer fast = new QcAnalyzer(d.info().frameRate().toDouble());
                QcReference.Analyzer ref = new QcReference.Analyzer(w, h);
                PixelWatch watch = new PixelWatch(w, h);
                for (int i = 0; i < frames.size(); i++) {
                    Frame f = frames.get(i);
                    byte[] y = Luma.of(f);
                    FrameMetrics expected = ref.accept(y, f.ptsMicros(), i);
                    assertEquals(expected, fast.accept(y, w, h, f.ptsMicros(), null, i), name + " frame " + i);
                    if (i % PixelWatch.EVERY == 0) {
                        watch.add(y);
                    }
                }
                List<PixelWatch.Suspect> suspects = ref.pixels.suspects();
                assertEquals(suspects, watch.suspects(), name);
                withSuspects += suspects.isEmpty() ? 0 : 1;
                clips++;
            }
        }
        assertEquals(10, clips);
        assertTrue(withSuspects >= 2, "the injected hot pixel is a suspect on some clips: " + withSuspects);
        assertFalse(withSuspects == clips, "not every clip has suspects");
    }
}
