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
                WARDROBE, 25);
    }

    static final double LOOK_TAKE = 3.0;
    static final double LOOK_SCENE = 5.0;
    static final double MOVE_GAIN = 0.25;
    static final double CELL = 10;
    static final double CHANGED = 0.01;
    static final double SAME_CHARACTER = 0.45;
    static final double WARDROBE = 10;
}
