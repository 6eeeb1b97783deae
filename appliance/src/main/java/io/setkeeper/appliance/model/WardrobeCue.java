package io.setkeeper.appliance.model;

/**
 * The wardrobe colour as a secondary cue in the character decision. Face evidence is the cosine similarity above
 * the unknown threshold in units of the similarity spread; wardrobe evidence is the CIELAB distance (delta E) to the
 * character's learned wardrobe below the wardrobe threshold in units of its spread, capped at {@link #CAP}, and
 * weighted {@link #WEIGHT} (or {@link #SMALL_FACE_WEIGHT} when the face is small or seen in few frames, so less
 * sure). A person is the character when the sum is &gt;= 0. The wardrobe threshold is calibrated like the face one,
 * from same- and different-character distances measured while learning (a prior of {@link #PRIOR_THRESHOLD} delta E
 * until both have samples); when the two hardly differ (everybody wears black) the wardrobe says nothing. A pure
 * function: the in-process model and an ONNX consumer (with the manifest's numbers) decide alike.
 */
public final class WardrobeCue {
    /** Delta E below which clothes count as the same before the production measured it (a clearly visible difference). */
    static final double PRIOR_THRESHOLD = 20;
    static final double PRIOR_SCALE = 8;
    static final double CAP = 2;
    static final double WEIGHT = 0.5;
    static final double SMALL_FACE_WEIGHT = 1.0;
    /** A face narrower than this fraction of the frame is small. */
    static final double SMALL_FACE = 0.05;
    /** Same and different wardrobe distances must be this many spreads apart for the wardrobe to count. */
    static final double MIN_SEPARATION = 1;
    /**
     * A wardrobe change within a scene: beyond the wardrobe threshold and this many standard deviations of the
     * same-character distances above their mean (outside the normal spread, as for a changed setup).
     */
    static final double CHANGE_SDS = 3;

    private WardrobeCue() {
    }

    /** The production's wardrobe calibration: threshold and spread in delta E, and whether it informs at all. */
    public record Calibration(double threshold, double scale, boolean informative, double changeThreshold) {
        public Calibration(double threshold, double scale, boolean informative) {
            this(threshold, scale, informative, threshold);
        }

        static Calibration of(Running same, Running different) {
            if (same.n() < CharacterModel.MIN_CALIBRATION || different.n() < CharacterModel.MIN_CALIBRATION) {
                return new Calibration(PRIOR_THRESHOLD, PRIOR_SCALE, true);
            }
            double ss = Math.max(1, same.sd()), sd = Math.max(1, different.sd());
            double t = (same.mean() * sd + different.mean() * ss) / (ss + sd);
            double scale = (ss + sd) / 2;
            return new Calibration(t, scale, different.mean() - same.mean() >= MIN_SEPARATION * scale,
                    Math.max(t, same.mean() + CHANGE_SDS * ss));
        }
    }

    /** Wardrobe evidence in face-spread units (0 when not measured or not informative). */
    static double wardrobeEvidence(double deltaE, double faceWidth, int observations, Calibration c) {
        if (!Double.isFinite(deltaE) || !c.informative()) {
            return 0;
        }
        double w = faceWidth < SMALL_FACE || observations < CharacterModel.MIN_OBSERVATIONS ? SMALL_FACE_WEIGHT : WEIGHT;
        return w * Math.max(-CAP, Math.min(CAP, (c.threshold() - deltaE) / c.scale()));
    }

    /** Face plus wardrobe evidence; the person is the character when it is &gt;= 0. */
    public static double evidence(double similarity, double threshold, double faceScale, double deltaE, double faceWidth,
                                  int observations, Calibration c) {
        return (similarity - threshold) / faceScale + wardrobeEvidence(deltaE, faceWidth, observations, c);
    }

    static double deltaE(float[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < 3; i++) {
            double m = a[i] - b[i];
            d += m * m;
        }
        return Math.sqrt(d);
    }
}
