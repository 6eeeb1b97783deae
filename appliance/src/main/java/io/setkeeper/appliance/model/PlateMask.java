package io.setkeeper.appliance.model;

import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.Face;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.analysis.perception.PersonMask;

/**
 * Where people are, at a plate's working resolution: the person segmentation (DeepLab), every person box
 * (YOLOX) grown by {@link #BOX_GROW} of its size on each side and every face with the body below it, then
 * dilated by {@link #DILATE} of the width (the segmentation is coarse and shadows hug the feet). A pure function.
 */
final class PlateMask {
    static final double BOX_GROW = 0.08;
    static final double DILATE = 0.012;

    private PlateMask() {
    }

    /** Row-major {@code width x height}; true = a person (or near one). */
    static boolean[] of(FramePerception seen, int frameWidth, int frameHeight, int width, int height) {
        boolean[] m = new boolean[width * height];
        double sx = (double) frameWidth / width, sy = (double) frameHeight / height;
        PersonMask mask = seen.personMask();
        if (mask != null) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    m[y * width + x] = mask.personAt((x + 0.5) * sx, (y + 0.5) * sy, frameWidth, frameHeight);
                }
            }
        }
        for (Detection d : seen.people()) {
            Box b = d.box();
            fill(m, width, height, b.x1() - BOX_GROW * b.width(), b.y1() - BOX_GROW * b.height(),
                    b.x2() + BOX_GROW * b.width(), b.y2() + BOX_GROW * b.height(), sx, sy);
        }
        for (Face f : seen.faces()) {
            Box b = f.box();
            fill(m, width, height, b.x1() - b.width(), b.y1() - 0.5 * b.height(), b.x2() + b.width(),
                    b.y2() + 6 * b.height(), sx, sy);
        }
        return dilate(m, width, height, Math.max(1, (int) Math.round(DILATE * width)));
    }

    private static void fill(boolean[] m, int w, int h, double x1, double y1, double x2, double y2, double sx, double sy) {
        int a = (int) Math.max(0, Math.floor(x1 / sx)), b = (int) Math.min(w - 1, Math.ceil(x2 / sx));
        int c = (int) Math.max(0, Math.floor(y1 / sy)), d = (int) Math.min(h - 1, Math.ceil(y2 / sy));
        for (int y = c; y <= d; y++) {
            for (int x = a; x <= b; x++) {
                m[y * w + x] = true;
            }
        }
    }

    /** Square dilation with radius r, separable (rows then columns), O(w x h) with running counts. */
    static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] rows = new boolean[m.length];
        pass(m, rows, w, h, 1, w, r);
        boolean[] out = new boolean[m.length];
        pass(rows, out, h, w, w, 1, r);
        return out;
    }

    /** 1-D dilation of {@code lines} lines of {@code n} values: value i of line l is at l * lineStep + i * step. */
    private static void pass(boolean[] in, boolean[] out, int n, int lines, int step, int lineStep, int r) {
        for (int l = 0; l < lines; l++) {
            int base = l * lineStep, count = 0;
            for (int i = 0; i < Math.min(n, r); i++) {
                count += in[base + i * step] ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                if (i + r < n && in[base + (i + r) * step]) {
                    count++;
                }
                if (i - r - 1 >= 0 && in[base + (i - r - 1) * step]) {
                    count--;
                }
                out[base + i * step] = count > 0;
            }
        }
    }
}
