package io.setkeeper.appliance.media;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws one frame of a demo clip with OpenCV into a reusable BGR picture: colour bars, a grey ramp, a ball that
 * moves and a sweeping line (so motion and frame order are visible), and burnt-in clip name and running timecode.
 */
final class SampleFramePainter implements AutoCloseable {
    private static final double[][] BARS_BGR = {
        {191, 191, 191}, {0, 191, 191}, {191, 191, 0}, {0, 191, 0}, {191, 0, 191}, {0, 0, 191}, {191, 0, 0}};

    private final Mat picture;
    private final int width;
    private final int height;
    private final int frames;

    SampleFramePainter(int width, int height, int frames) {
        this.width = width;
        this.height = height;
        this.frames = Math.max(frames, 1);
        this.picture = new Mat(height, width, CV_8UC3, new Scalar(0, 0, 0, 0));
    }

    /** Paints frame {@code index} and returns the picture (valid until the next call). */
    Mat paint(int index, String clipName, String timecode) {
        int barsBottom = height * 2 / 3;
        rectangle(picture, new Point(0, 0), new Point(width, height), new Scalar(16, 16, 16, 0), FILLED, LINE_AA, 0);
        for (int i = 0; i < BARS_BGR.length; i++) {
            double[] c = BARS_BGR[i];
            rectangle(picture, new Point(i * width / BARS_BGR.length, 0),
                    new Point((i + 1) * width / BARS_BGR.length, barsBottom), new Scalar(c[0], c[1], c[2], 0),
                    FILLED, LINE_AA, 0);
        }
        int steps = 16;
        for (int i = 0; i < steps; i++) {
            double v = 255.0 * i / (steps - 1);
            rectangle(picture, new Point(i * width / steps, barsBottom), new Point((i + 1) * width / steps, height),
                    new Scalar(v, v, v, 0), FILLED, LINE_AA, 0);
        }
        double phase = (double) index / frames;
        int radius = Math.max(6, height / 12);
        int x = radius + (int) Math.round((width - 2.0 * radius) * phase);
        int y = barsBottom / 2 + (int) Math.round(Math.sin(phase * 4 * Math.PI) * barsBottom / 4.0);
        circle(picture, new Point(x, y), radius, new Scalar(255, 255, 255, 0), FILLED, LINE_AA, 0);
        circle(picture, new Point(x, y), radius, new Scalar(0, 0, 0, 0), 2, LINE_AA, 0);
        int sweep = (int) Math.round(width * ((index * 7L) % frames) / (double) frames);
        line(picture, new Point(sweep, 0), new Point(sweep, height), new Scalar(0, 255, 255, 0), 2, LINE_AA, 0);
        double scale = Math.max(0.4, height / 480.0);
        int thickness = Math.max(1, (int) Math.round(scale * 2));
        label(clipName, new Point(width / 40, (int) (height * 0.12)), scale * 1.1, thickness);
        label(timecode + "  f" + index, new Point(width / 40, (int) (height * 0.95)), scale * 1.1, thickness);
        return picture;
    }

    private void label(String text, Point at, double scale, int thickness) {
        putText(picture, text, at, FONT_HERSHEY_SIMPLEX, scale, new Scalar(0, 0, 0, 0), thickness + 3, LINE_AA, false);
        putText(picture, text, at, FONT_HERSHEY_SIMPLEX, scale, new Scalar(255, 255, 255, 0), thickness, LINE_AA, false);
    }

    @Override
    public void close() {
        picture.close();
    }
}
