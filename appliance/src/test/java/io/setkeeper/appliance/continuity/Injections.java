package io.setkeeper.appliance.continuity;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.PersonMask;

/** Test-only changes injected into real frames: pure functions returning new frames. */
final class Injections {
    private Injections() {
    }

    /** The camera moved: the picture shifted by (dx, dy) pixels, the uncovered border repeats the edge pixels. */
    static Frame shift(Frame f, int dx, int dy) {
        byte[] out = new byte[f.bgr().length];
        for (int y = 0; y < f.height(); y++) {
            int sy = Math.min(f.height() - 1, Math.max(0, y - dy));
            for (int x = 0; x < f.width(); x++) {
                int sx = Math.min(f.width() - 1, Math.max(0, x - dx));
                System.arraycopy(f.bgr(), (sy * f.width() + sx) * 3, out, (y * f.width() + x) * 3, 3);
            }
        }
        return new Frame(f.width(), f.height(), out, f.ptsMicros());
    }

    /** A grade change: each channel scaled (b, g, r gains). */
    static Frame gains(Frame f, double gb, double gg, double gr) {
        byte[] out = f.bgr().clone();
        double[] g = {gb, gg, gr};
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.min(255, Math.round((out[i] & 0xff) * g[i % 3]));
        }
        return new Frame(f.width(), f.height(), out, f.ptsMicros());
    }

    /**
     * Pastes the pixels of {@code src} inside {@code box} where {@code mask} (null = everywhere) marks them, scaled
     * to {@code height} pixels tall with its top-left corner at (x, y) of the target (clipped at the frame edges).
     */
    static Frame paste(Frame target, Frame src, Box box, PersonMask mask, int x, int y, int height) {
        byte[] out = target.bgr().clone();
        if (mask != null && maskedShare(src, box, mask) < 0.25) {
            mask = null; // the segmentation missed this small person: paste the whole box
        }
        double scale = height / (double) box.height();
        int w = (int) Math.round(box.width() * scale);
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < w; i++) {
                int tx = x + i, ty = y + j;
                if (tx < 0 || ty < 0 || tx >= target.width() || ty >= target.height()) {
                    continue;
                }
                double sx = box.x1() + i / scale, sy = box.y1() + j / scale;
                int px = (int) Math.min(src.width() - 1, sx), py = (int) Math.min(src.height() - 1, sy);
                if (mask != null && !mask.personAt(px, py, src.width(), src.height())) {
                    continue;
                }
                System.arraycopy(src.bgr(), (py * src.width() + px) * 3, out, (ty * target.width() + tx) * 3, 3);
            }
        }
        return new Frame(target.width(), target.height(), out, target.ptsMicros());
    }

    private static double maskedShare(Frame src, Box box, PersonMask mask) {
        int in = 0, n = 0;
        for (int y = (int) box.y1(); y < box.y2(); y += 2) {
            for (int x = (int) box.x1(); x < box.x2(); x += 2) {
                in += mask.personAt(x, y, src.width(), src.height()) ? 1 : 0;
                n++;
            }
        }
        return n == 0 ? 0 : (double) in / n;
    }

    /** Recolours the pixels of a region (rotating hue by swapping and mixing channels: a different garment). */
    static Frame recolour(Frame f, Box region, PersonMask mask) {
        byte[] out = f.bgr().clone();
        for (int y = (int) Math.max(0, region.y1()); y < Math.min(f.height(), region.y2()); y++) {
            for (int x = (int) Math.max(0, region.x1()); x < Math.min(f.width(), region.x2()); x++) {
                if (mask != null && !mask.personAt(x, y, f.width(), f.height())) {
                    continue;
                }
                int i = (y * f.width() + x) * 3;
                int b = out[i] & 0xff, g = out[i + 1] & 0xff, r = out[i + 2] & 0xff;
                // a red garment: lightness kept, colour pushed to red
                int l = (b + g + r) / 3;
                out[i] = (byte) Math.min(255, l / 3);
                out[i + 1] = (byte) Math.min(255, l / 3);
                out[i + 2] = (byte) Math.min(255, 60 + l);
            }
        }
        return new Frame(f.width(), f.height(), out, f.ptsMicros());
    }
}
