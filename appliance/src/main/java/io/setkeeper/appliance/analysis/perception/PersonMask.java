package io.setkeeper.appliance.analysis.perception;

/**
 * Which pixels belong to people, at the segmentation model's resolution (row-major, 1 = person); map to frame
 * pixels by scaling x by frameWidth / width and y by frameHeight / height.
 */
public record PersonMask(int width, int height, byte[] mask) {
    /** A mask with no person pixels (what the cascade reports when the object detector sees nobody). */
    public static PersonMask empty(int width, int height) {
        return new PersonMask(width, height, new byte[width * height]);
    }

    /** Fraction of the picture covered by people, 0..1. */
    public double coverage() {
        int n = 0;
        for (byte b : mask) {
            n += b;
        }
        return (double) n / mask.length;
    }

    /** Whether the mask marks a person at frame pixel (x, y) of a frameWidth x frameHeight frame. */
    public boolean personAt(double x, double y, int frameWidth, int frameHeight) {
        int mx = (int) Math.min(width - 1, Math.max(0, x * width / frameWidth));
        int my = (int) Math.min(height - 1, Math.max(0, y * height / frameHeight));
        return mask[my * width + mx] != 0;
    }
}
