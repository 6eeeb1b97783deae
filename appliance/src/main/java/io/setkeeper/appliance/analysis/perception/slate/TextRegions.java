package io.setkeeper.appliance.analysis.perception.slate;

import java.util.ArrayList;
import java.util.List;

/**
 * Text regions from a text probability map (the DB-style output of PP-OCRv4 detection), pure: threshold the map,
 * find 4-connected components, fit an oriented rectangle to each from its second moments, drop weak or tiny ones,
 * then grow each rectangle by {@code unclip} (the detector predicts shrunk text kernels; the distance grown is
 * {@code area * unclip / perimeter}, as the model was trained).
 */
public final class TextRegions {
    /** The settings: pixel threshold, minimum mean probability of a region, unclip ratio, minimum pixels. */
    public record Settings(float threshold, float minScore, double unclip, int minPixels) {
        public static Settings defaults() {
            return new Settings(0.3f, 0.5f, 1.6, 6);
        }
    }

    private TextRegions() {
    }

    /** Regions in map pixel coordinates, in reading order (top to bottom, then left to right). */
    public static List<TextRegion> find(float[] map, int width, int height, Settings s) {
        if (map.length != width * height) {
            throw new IllegalArgumentException("map has " + map.length + " values for " + width + "x" + height);
        }
        int[] label = new int[map.length];
        int[] stack = new int[map.length];
        List<TextRegion> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < map.length; start++) {
            if (map[start] < s.threshold() || label[start] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, prob = 0;
            int n = 0;
            List<Integer> pixels = new ArrayList<>();
            while (top > 0) {
                int p = stack[--top];
                pixels.add(p);
                int x = p % width;
                int y = p / width;
                sx += x;
                sy += y;
                sxx += (double) x * x;
                syy += (double) y * y;
                sxy += (double) x * y;
                prob += map[p];
                n++;
                if (x > 0) top = push(map, label, stack, top, p - 1, next, s.threshold());
                if (x < width - 1) top = push(map, label, stack, top, p + 1, next, s.threshold());
                if (y > 0) top = push(map, label, stack, top, p - width, next, s.threshold());
                if (y < height - 1) top = push(map, label, stack, top, p + width, next, s.threshold());
            }
            if (n < s.minPixels() || prob / n < s.minScore()) {
                continue;
            }
            out.add(fit(pixels, width, sx / n, sy / n, sxx / n - (sx / n) * (sx / n),
                    syy / n - (sy / n) * (sy / n), sxy / n - (sx / n) * (sy / n), prob / n, s.unclip()));
        }
        out.sort((a, b) -> Math.abs(a.cy() - b.cy()) < 0.5 * Math.min(a.height(), b.height())
                ? Double.compare(a.cx(), b.cx()) : Double.compare(a.cy(), b.cy()));
        return out;
    }

    private static int push(float[] map, int[] label, int[] stack, int top, int q, int id, float threshold) {
        if (label[q] == 0 && map[q] >= threshold) {
            label[q] = id;
            stack[top++] = q;
        }
        return top;
    }

    /** Oriented rectangle around the pixels: principal axis folded to within 45 degrees of horizontal. */
    private static TextRegion fit(List<Integer> pixels, int width, double mx, double my, double cxx, double cyy,
                                  double cxy, double score, double unclip) {
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
        if (angle > Math.PI / 4) {
            angle -= Math.PI / 2;
        } else if (angle <= -Math.PI / 4) {
            angle += Math.PI / 2;
        }
        double ux = Math.cos(angle), uy = Math.sin(angle);
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int p : pixels) {
            double dx = p % width - mx;
            double dy = p / width - my;
            double u = dx * ux + dy * uy;
            double v = -dx * uy + dy * ux;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double w = maxU - minU + 1;
        double h = maxV - minV + 1;
        double midU = (minU + maxU) / 2;
        double midV = (minV + maxV) / 2;
        double cx = mx + midU * ux - midV * uy;
        double cy = my + midU * uy + midV * ux;
        double grow = w * h * unclip / (2 * (w + h));
        return new TextRegion(cx, cy, w + 2 * grow, h + 2 * grow, angle, score);
    }
}
