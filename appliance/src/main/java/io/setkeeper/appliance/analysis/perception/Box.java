package io.setkeeper.appliance.analysis.perception;

/** An axis-aligned box in frame pixels (x1,y1 top-left, x2,y2 bottom-right) with a detector score in [0,1]. */
public record Box(float x1, float y1, float x2, float y2, float score) {
    public float width() {
        return Math.max(0f, x2 - x1);
    }

    public float height() {
        return Math.max(0f, y2 - y1);
    }

    public float area() {
        return width() * height();
    }

    public float centerX() {
        return (x1 + x2) / 2f;
    }

    public float centerY() {
        return (y1 + y2) / 2f;
    }

    /** Intersection over union with another box, 0 when disjoint or degenerate. */
    public float iou(Box o) {
        float iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        float ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        if (iw <= 0 || ih <= 0) {
            return 0f;
        }
        float inter = iw * ih;
        float union = area() + o.area() - inter;
        return union <= 0 ? 0f : inter / union;
    }

    /** This box clipped to a width x height image. */
    public Box clip(int width, int height) {
        return new Box(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height), score);
    }

    private static float clamp(float v, int max) {
        return Math.max(0f, Math.min(max, v));
    }
}
