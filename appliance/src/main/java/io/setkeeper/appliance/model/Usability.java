package io.setkeeper.appliance.model;

/** Whether a clip may teach the model: black, flat or empty clips teach nothing. A pure function. */
final class Usability {
    /** Mean luma (0..255) below which a clip is too dark to learn from. */
    static final double MIN_EXPOSURE = 16;
    /** Laplacian variance below which the picture is flat (a black or blank clip). */
    static final double MIN_SHARPNESS = 1;

    private Usability() {
    }

    /** Null when usable, else why not. */
    static String problem(ClipFeatures f) {
        if (f.frames() == 0) {
            return "no frames decoded";
        }
        if (f.picture().exposure() < MIN_EXPOSURE) {
            return String.format("too dark to learn from (mean luma %.1f < %.0f)", f.picture().exposure(), MIN_EXPOSURE);
        }
        if (f.picture().sharpness() < MIN_SHARPNESS) {
            return String.format("flat picture (Laplacian variance %.2f < %.0f)", f.picture().sharpness(), MIN_SHARPNESS);
        }
        return null;
    }
}
