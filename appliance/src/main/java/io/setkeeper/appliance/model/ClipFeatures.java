package io.setkeeper.appliance.model;

import java.util.List;
import java.util.Objects;

/**
 * What the production model learns from one clip: the people seen (one entry per face track), the background and
 * framing descriptor of the picture with people masked out, background colour statistics and picture measurements.
 * Built from perception output by {@link FeatureExtractor}; the analysis pipeline hands it to
 * {@link ProductionModel#learn(ClipFeatures)}.
 *
 * @param clip       clip name (unique within the production, e.g. the source file name)
 * @param scene      scene from the slate, may be null
 * @param setup      setup the slate names (e.g. 5B), may be null when unslated
 * @param people     face tracks, most observed first, then people detected without a visible face
 * @param background background descriptor ({@link FeatureExtractor#BACKGROUND_DIMS} values, people masked out)
 * @param framing    framing descriptor ({@link FeatureExtractor#FRAMING_DIMS} values) or null when nobody is in frame
 * @param look       background colour in CIELAB: mean (3) and covariance (9, row-major)
 * @param picture    sharpness, exposure and noise of the clip
 * @param frames     sampled frames the features come from
 */
public record ClipFeatures(String clip, String scene, String setup, List<Person> people, float[] background,
                           float[] framing, Look look, Picture picture, int frames) {
    public ClipFeatures {
        Objects.requireNonNull(clip, "clip");
        people = List.copyOf(people);
        Objects.requireNonNull(background, "background");
        if (background.length != FeatureExtractor.BACKGROUND_DIMS) {
            throw new IllegalArgumentException("background descriptor needs " + FeatureExtractor.BACKGROUND_DIMS
                    + " values, got " + background.length);
        }
        if (framing != null && framing.length != FeatureExtractor.FRAMING_DIMS) {
            throw new IllegalArgumentException("framing descriptor needs " + FeatureExtractor.FRAMING_DIMS
                    + " values, got " + framing.length);
        }
    }

    /** The same clip with another slate setup (for corrections and slate-error experiments). */
    public ClipFeatures withSetup(String newSetup) {
        return new ClipFeatures(clip, scene, newSetup, people, background, framing, look, picture, frames);
    }

    /**
     * One person in the clip: a face track, or a person box tracked without a face (embedding null).
     *
     * @param embedding    L2-normalised mean face embedding, null when no face was seen
     * @param wardrobe     mean CIELAB colour under the person mask below the face, or null if not measured
     * @param centerX      face (or person box) centre x / frame width
     * @param centerY      face (or person box) centre y / frame height
     * @param width        face (or person box) width / frame width
     * @param observations sampled frames the face was seen in
     */
    public record Person(float[] embedding, float[] wardrobe, float centerX, float centerY, float width,
                         int observations) {
        public boolean hasFace() {
            return embedding != null;
        }
    }

    /** Background colour statistics in CIELAB (mean L,a,b and 3x3 covariance) over {@code pixels} pixels. */
    public record Look(double[] mean, double[] covariance, long pixels) {
    }

    /**
     * The clip's picture: sharpness and exposure are its QC numbers (median over frames of the variance of the
     * 4-neighbour Laplacian of luma, mean luma 0..255; {@code analysis.qc.ClipQc}), noise the Immerkaer sigma averaged
     * over the sampled frames.
     */
    public record Picture(double sharpness, double exposure, double noise) {
    }
}
