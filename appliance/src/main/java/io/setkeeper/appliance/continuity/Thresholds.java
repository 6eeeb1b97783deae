package io.setkeeper.appliance.continuity;

/**
 * The continuity thresholds. Each default is derived from the variation measured between takes of the same setup
 * (and setups of the same scene) on all the real takes in the test footage; docs/continuity.md gives the
 * measurements and the margin. {@code ContinuityDataTest} re-measures them.
 *
 * @param lookTakeDeltaE    background look drift between takes of a setup: CIEDE2000 of mean background colour
 * @param lookSceneDeltaE   the same between setups of a scene that show the same background
 * @param sameViewCorrelation lightness correlation above which two setups' backgrounds show the same place
 * @param moveCells         smallest camera move reported, in background cells (1/64 of the frame width)
 * @param moveGain          share of the unmoved background error a move has to explain
 * @param cellDeltaE        CIEDE2000 above which a background cell counts as changed
 * @param changedFraction   share of the common background cells a connected change must cover
 * @param objectFraction    share of sampled frames an object must be seen in to count
 * @param edgeFraction      share of sampled frames a person must touch the frame edge in to count
 * @param sameCharacter     face embedding cosine above which two face tracks are the same character
 * @param wardrobeDeltaE    CIEDE2000 of the colour below the face above which wardrobe changed
 * @param yawDegrees        head yaw beyond which a character clearly looks left or right
 */
public record Thresholds(double lookTakeDeltaE, double lookSceneDeltaE, double sameViewCorrelation, double moveCells,
                         double moveGain, double cellDeltaE, double changedFraction, double objectFraction,
                         double edgeFraction, double sameCharacter, double wardrobeDeltaE, double yawDegrees) {
    public static Thresholds defaults() {
        return new Thresholds(LOOK_TAKE, LOOK_SCENE, 0.6, 1, MOVE_GAIN, CELL, CHANGED, 0.5, 0.5, SAME_CHARACTER,
                WARDROBE, YAW);
    }

    /** Same-setup takes measured up to 1.50 (asl, 10 pairs): twice that. */
    static final double LOOK_TAKE = 3.0;
    /** Setups of one room measured up to 6.47 (asl, 56 pairs of different setups): about 10% above. */
    static final double LOOK_SCENE = 7.0;
    /** No same-setup pair of real takes found any move (gain 0): a quarter of the error explained is a move. */
    static final double MOVE_GAIN = 0.25;
    /** A cell over CIEDE2000 10 is a clearly visible change, several times the look drift of a take. */
    static final double CELL = 10;
    /** Same-setup takes measured up to 1.5% of the background changed: twice that. */
    static final double CHANGED = 0.03;
    /** Same performer across takes measured cosine >= 0.834, different performers <= 0.519: the midpoint. */
    static final double SAME_CHARACTER = 0.68;
    /** The same wardrobe across takes measured up to CIEDE2000 5.4: about twice that. */
    static final double WARDROBE = 10;
    /** Real takes measured |yaw| <= 12.7 degrees (performers facing the camera): twice that. */
    static final double YAW = 25;
}
