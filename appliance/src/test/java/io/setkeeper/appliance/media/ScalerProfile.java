package io.setkeeper.appliance.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What the frame source's conversions cost next to decoding (a debugging main, not a test): decodes a clip on one
 * thread and times, in thread CPU time per frame, the decode, {@link Scaler#luma} and {@link Scaler#bgr} at 480x270
 * on every frame (three rounds; the last is the steady one). Run with the test classpath in an @argfile:
 * {@code java @args io.setkeeper.appliance.media.ScalerProfile /tmp/analysis-bench/karma_1080p_h264.mp4}.
 */
public final class ScalerProfile {
    private ScalerProfile() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(args[0]);
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.setVideoOption("threads", "1");
            g.start();
            long decode = 0;
            long luma = 0;
            long bgr = 0;
            int n = 0;
            try (Scaler scaler = new Scaler()) {
                while (true) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    org.bytedeco.javacv.Frame f = g.grabImage();
                    long t1 = cpu.getCurrentThreadCpuTime();
                    if (f == null) {
                        break;
                    }
                    AVFrame p = (AVFrame) f.opaque;
                    scaler.luma(p, 480, 270);
                    long t2 = cpu.getCurrentThreadCpuTime();
                    scaler.bgr(p, 480, 270);
                    long t3 = cpu.getCurrentThreadCpuTime();
                    decode += t1 - t0;
                    luma += t2 - t1;
                    bgr += t3 - t2;
                    n++;
                }
            } finally {
                g.close();
            }
            System.out.printf(Locale.ROOT, "round %d, %d frames: decode (1 thread) %.2f ms/frame, luma 480x270 %.2f, "
                    + "BGR 480x270 %.2f%n", round, n, decode / 1e6 / n, luma / 1e6 / n, bgr / 1e6 / n);
        }
    }
}
