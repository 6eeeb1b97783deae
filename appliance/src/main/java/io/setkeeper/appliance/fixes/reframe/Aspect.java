package io.setkeeper.appliance.fixes.reframe;

import java.util.Locale;

/** A target aspect ratio, written "9:16", "4:5", "2.39" or "2.39:1"; {@link #ratio()} is width / height. */
public record Aspect(String name, double ratio) {
    public Aspect {
        if (!(ratio > 0.1 && ratio < 10)) {
            throw new IllegalArgumentException("aspect ratio must be between 0.1 and 10, was " + ratio);
        }
    }

    public static Aspect parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("aspect is required, e.g. \"9:16\" or \"2.39\"");
        }
        String s = text.strip();
        try {
            String[] p = s.split(":");
            if (p.length == 1) {
                return new Aspect(s, Double.parseDouble(p[0]));
            }
            if (p.length == 2) {
                return new Aspect(s, Double.parseDouble(p[0]) / Double.parseDouble(p[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the clear error
        }
        throw new IllegalArgumentException("aspect must look like \"9:16\" or \"2.39\", was '" + text + "'");
    }

    /** The largest crop of this ratio inside a width x height picture, even-sized: {w, h}. */
    public int[] cropSize(int width, int height) {
        int w, h;
        if ((double) width / height > ratio) {
            h = height;
            w = (int) Math.round(height * ratio);
        } else {
            w = width;
            h = (int) Math.round(width / ratio);
        }
        return new int[] {Math.max(2, w & ~1), Math.max(2, h & ~1)};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%.3f)", name, ratio);
    }
}
