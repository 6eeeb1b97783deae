package io.setkeeper.appliance.analysis.qc;

import io.setkeeper.appliance.analysis.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only defect injector: builds defective copies of real decoded frames (the originals are never changed).
 * Each method returns a new list; affected frames get new pixel arrays.
 */
final class Defects {
    private Defects() {
    }

    /** A 5x5 box blur applied twice on the middle third of the clip. */
    static List<Frame> blur(List<Frame> in) {
        List<Frame> out = new ArrayList<>(in);
        int a = in.size() / 3;
        int b = 2 * in.size() / 3;
        for (int i = a; i < b; i++) {
            Frame f = in.get(i);
            out.set(i, new Frame(f.width(), f.height(), box(box(f.bgr(), f.width(), f.height()), f.width(), f.height()),
                    f.ptsMicros()));
        }
        return out;
    }

    private static byte[] box(byte[] src, int w, int h) {
        byte[] dst = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    int n = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        for (int dx = -2; dx <= 2; dx++) {
                            int xx = Math.min(w - 1, Math.max(0, x + dx));
                            sum += src[(yy * w + xx) * 3 + c] & 0xff;
                            n++;
                        }
                    }
                    dst[(y * w + x) * 3 + c] = (byte) (sum / n);
                }
            }
        }
        return dst;
    }

    /** Over-exposure on the middle third: gain 2 and +40 levels, clamped at 255. */
    static List<Frame> clipHighlights(List<Frame> in) {
        List<Frame> out = new ArrayList<>(in);
        for (int i = in.size() / 3; i < 2 * in.size() / 3; i++) {
            Frame f = in.get(i);
            byte[] p = f.bgr().clone();
            for (int k = 0; k < p.length; k++) {
                p[k] = (byte) Math.min(255, (p[k] & 0xff) * 2 + 40);
            }
            out.set(i, new Frame(f.width(), f.height(), p, f.ptsMicros()));
        }
        return out;
    }

    /**
     * Light flickering at twice the mains frequency as the camera samples it: 100 Hz (50 Hz mains) aliased at the
     * clip's frame rate, or 120 Hz (60 Hz mains) when 100 Hz aliases to almost nothing (25/50 fps).
     */
    static double flickerHz(double fps) {
        double f = alias(100, fps);
        return f >= 1.0 ? f : alias(120, fps);
    }

    static double alias(double hz, double fps) {
        double r = hz % fps;
        return Math.min(r, fps - r);
    }

    /** Every frame's levels multiplied by 1 + depth * sin(2 pi f t). */
    static List<Frame> flicker(List<Frame> in, double fps, double depth) {
        double hz = flickerHz(fps);
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Frame f = in.get(i);
            double g = 1 + depth * Math.sin(2 * Math.PI * hz * i / fps);
            byte[] p = f.bgr().clone();
            for (int k = 0; k < p.length; k++) {
                p[k] = (byte) Math.min(255, (int) Math.round((p[k] & 0xff) * g));
            }
            out.add(new Frame(f.width(), f.height(), p, f.ptsMicros()));
        }
        return out;
    }

    /** Two frames removed at 40% of the clip; the timestamps of the rest are kept, so a gap appears. */
    static List<Frame> drop(List<Frame> in) {
        List<Frame> out = new ArrayList<>(in);
        int k = (int) (in.size() * 0.4);
        out.remove(k);
        out.remove(k);
        return out;
    }

    /** Three frames (at 30%, 50%, 70%) replaced by a repeat of the frame before, keeping their own timestamps. */
    static List<Frame> duplicate(List<Frame> in) {
        List<Frame> out = new ArrayList<>(in);
        for (double at : new double[] {0.3, 0.5, 0.7}) {
            int k = (int) (in.size() * at);
            Frame prev = in.get(k - 1);
            out.set(k, new Frame(prev.width(), prev.height(), prev.bgr(), in.get(k).ptsMicros()));
        }
        return out;
    }

    /** One pixel at a third of the width and height stuck at full white in every frame. */
    static List<Frame> stuckPixel(List<Frame> in) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : in) {
            byte[] p = f.bgr().clone();
            int i = ((f.height() / 3) * f.width() + f.width() / 3) * 3;
            p[i] = p[i + 1] = p[i + 2] = (byte) 255;
            out.add(new Frame(f.width(), f.height(), p, f.ptsMicros()));
        }
        return out;
    }

    /** A camera bump at 60% of the clip: the picture jolts by (12, 8) px and settles back over three frames. */
    static List<Frame> bump(List<Frame> in) {
        List<Frame> out = new ArrayList<>(in);
        int k = (int) (in.size() * 0.6);
        int[][] offsets = {{12, 8}, {6, 4}, {2, 2}};
        for (int j = 0; j < offsets.length && k + j < in.size(); j++) {
            Frame f = in.get(k + j);
            out.set(k + j, new Frame(f.width(), f.height(), shift(f, offsets[j][0], offsets[j][1]), f.ptsMicros()));
        }
        return out;
    }

    static byte[] shift(Frame f, int dx, int dy) {
        int w = f.width();
        int h = f.height();
        byte[] src = f.bgr();
        byte[] dst = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(h - 1, Math.max(0, y - dy));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(w - 1, Math.max(0, x - dx));
                System.arraycopy(src, (sy * w + sx) * 3, dst, (y * w + x) * 3, 3);
            }
        }
        return dst;
    }
}
