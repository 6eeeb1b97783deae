package io.setkeeper.appliance.fixes.patch;

import io.setkeeper.appliance.analysis.perception.Box;

/** A rectangle in frame pixels: left, top, width, height. */
public record Region(int x, int y, int w, int h) {
    public Region {
        if (x < 0 || y < 0 || w <= 0 || h <= 0) {
            throw new IllegalArgumentException("a region needs x, y >= 0 and a positive width and height, was " + x
                    + "," + y + " " + w + "x" + h);
        }
    }

    /** This region scaled by {@code sx}, {@code sy} (source pixels to analysis pixels), at least one pixel. */
    public Region scaled(double sx, double sy) {
        int nx = (int) Math.floor(x * sx), ny = (int) Math.floor(y * sy);
        return new Region(nx, ny, Math.max(1, (int) Math.ceil((x + w) * sx) - nx),
                Math.max(1, (int) Math.ceil((y + h) * sy) - ny));
    }

    public boolean fitsIn(int width, int height) {
        return x + w <= width && y + h <= height;
    }

    /** Fraction of the box's area that lies inside this region. */
    public double covers(Box b) {
        double iw = Math.min(x + w, b.x2()) - Math.max(x, b.x1());
        double ih = Math.min(y + h, b.y2()) - Math.max(y, b.y1());
        return iw <= 0 || ih <= 0 || b.area() <= 0 ? 0 : iw * ih / b.area();
    }
}
