package io.setkeeper.appliance.analysis.perception.slate;

/**
 * An oriented text box in frame pixels: centre, extent along the text ({@code width}) and across it
 * ({@code height}), the text direction in radians (0 = left to right, positive = clockwise on screen) and the
 * detector's mean probability inside the region.
 */
public record TextRegion(double cx, double cy, double width, double height, double angle, double score) {
    public double left() {
        return cx - halfExtentX();
    }

    public double right() {
        return cx + halfExtentX();
    }

    public double top() {
        return cy - halfExtentY();
    }

    public double bottom() {
        return cy + halfExtentY();
    }

    /** Half the axis-aligned extent of the rotated box, horizontally. */
    private double halfExtentX() {
        return 0.5 * (Math.abs(width * Math.cos(angle)) + Math.abs(height * Math.sin(angle)));
    }

    private double halfExtentY() {
        return 0.5 * (Math.abs(width * Math.sin(angle)) + Math.abs(height * Math.cos(angle)));
    }

    /** The same region with every coordinate scaled (map pixels to frame pixels). */
    public TextRegion scaled(double sx, double sy) {
        double dx = Math.cos(angle) * sx;
        double dy = Math.sin(angle) * sy;
        double nx = -Math.sin(angle) * sx;
        double ny = Math.cos(angle) * sy;
        return new TextRegion(cx * sx, cy * sy, width * Math.hypot(dx, dy), height * Math.hypot(nx, ny),
                Math.atan2(dy, dx), score);
    }

    /** The same region moved by (dx, dy). */
    public TextRegion translated(double dx, double dy) {
        return new TextRegion(cx + dx, cy + dy, width, height, angle, score);
    }
}
