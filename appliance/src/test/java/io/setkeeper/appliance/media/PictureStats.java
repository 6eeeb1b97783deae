package io.setkeeper.appliance.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Grey-level statistics of one decoded frame, to tell a real picture from a flat or frozen one in tests. */
record PictureStats(int width, int height, byte[] grey) {

    /** Decodes frame {@code index} (0-based) with FFmpeg and keeps its luma-like grey values. */
    static PictureStats ofFrame(Path file, int index) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8);
            grabber.start();
            Frame frame = null;
            for (int i = 0; i <= index; i++) {
                frame = grabber.grabImage();
                if (frame == null) {
                    throw new IllegalStateException("clip has fewer than " + (index + 1) + " frames");
                }
            }
            ByteBuffer buf = (ByteBuffer) frame.image[0];
            int w = frame.imageWidth;
            int h = frame.imageHeight;
            byte[] grey = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = buf.get(y * frame.imageStride + x);
                }
            }
            grabber.stop();
            return new PictureStats(w, h, grey);
        }
    }

    double mean() {
        double sum = 0;
        for (byte b : grey) {
            sum += b & 0xff;
        }
        return sum / grey.length;
    }

    double stdDev() {
        double m = mean();
        double acc = 0;
        for (byte b : grey) {
            double d = (b & 0xff) - m;
            acc += d * d;
        }
        return Math.sqrt(acc / grey.length);
    }

    double meanAbsDiff(PictureStats other) {
        double acc = 0;
        for (int i = 0; i < grey.length; i++) {
            acc += Math.abs((grey[i] & 0xff) - (other.grey[i] & 0xff));
        }
        return acc / grey.length;
    }

    @Override
    public String toString() {
        return String.format("%dx%d mean %.1f sd %.1f", width, height, mean(), stdDev());
    }
}
