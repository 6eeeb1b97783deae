package io.setkeeper.appliance.analysis.qc;

/**
 * Every QC threshold in one place, with what it means. Levels are 8-bit luma of the decoded (full-range RGB) frame;
 * durations are in seconds and converted with the clip's frame rate. They were set from what the defects mean
 * physically (and checked against all clips of the shared footage, see docs/analysis.md), not fitted to one clip.
 */
public final class Thresholds {
    private Thresholds() {
    }

    /** A pixel at or above this level counts as clipped. */
    public static final int CLIP_LEVEL = 250;
    /** A pixel at or below this level counts as crushed. */
    public static final int CRUSH_LEVEL = 4;
    /** Clipped highlights: more than this % of the picture clipped... */
    public static final double CLIPPED_PERCENT = 5.0;
    /** Crushed blacks: more than this % of the picture crushed (and not a black frame)... */
    public static final double CRUSHED_PERCENT = 30.0;
    /** ...for at least this long. */
    public static final double EXPOSURE_MIN_SECONDS = 0.5;
    /** Underexposed clip: median mean level below this. */
    public static final double UNDEREXPOSED_MEAN = 35.0;

    /** Black frame: mean level below this... */
    public static final double BLACK_MEAN = 12.0;
    /** ...and fewer than this % of pixels above {@link #BLACK_LIT_LEVEL}. */
    public static final double BLACK_LIT_PERCENT = 0.5;
    public static final int BLACK_LIT_LEVEL = 40;

    /** Soft focus: sharpness below this fraction of the clip's own 75th percentile... */
    public static final double SOFT_RATIO = 0.45;
    /** ...for at least this long (a focus pull through is shorter). */
    public static final double SOFT_MIN_SECONDS = 0.5;
    /** Below this 75th-percentile sharpness the picture has no detail to judge focus by (black, fog, flat). */
    public static final double SOFT_MIN_BASELINE = 8.0;

    /** Frozen: consecutive frames differing by less than this mean level... */
    public static final double FROZEN_DIFF = 0.05;
    /** ...for at least this long. */
    public static final double FROZEN_MIN_SECONDS = 0.5;
    /** Duplicate: a frame that differs by less than {@link #FROZEN_DIFF} from the previous one while the frames
     * around it move by at least this mean level. */
    public static final double DUPLICATE_CONTEXT_DIFF = 0.5;

    /** Dropped: a timestamp step longer than this multiple of the clip's median step. */
    public static final double DROPPED_GAP_RATIO = 1.5;
    /**
     * Dropped, from content ({@link ContentDrops}): a frame whose one-frame difference sits at least this far from
     * the neighbours' one-frame difference (0) towards their two-frame difference (1); one missing frame gives
     * about 1. Set from the measurements in docs/analysis.md (every footage clip, clean and with single frames
     * removed).
     */
    public static final double DROP_MIN_T = 0.8;
    /** ...and at most this far (three intervals or more look like a cut or a flash, not a missing frame)... */
    public static final double DROP_MAX_T = 3.0;
    /** ...while the next frame's step is normal (at most this far): a glitch in one frame raises both steps. */
    public static final double DROP_MAX_NEXT_T = 0.4;
    /** ...judged only while the neighbours move by at least this mean level (half-resolution plane)... */
    public static final double DROP_MIN_CONTEXT_DIFF = 1.0;
    /** ...with two intervals differing at least this much more than one (motion, not noise or saturation)... */
    public static final double DROP_MIN_SEPARATION = 1.25;
    /** ...steadily: the neighbours' one-frame differences span at most this fraction of their median. */
    public static final double DROP_MAX_SPREAD = 0.6;

    /** Flicker: frequencies searched from this (Hz) up to just below the Nyquist rate. */
    public static final double FLICKER_MIN_HZ = 1.0;
    /** Flicker amplitude at least this many levels... */
    public static final double FLICKER_MIN_AMPLITUDE = 0.6;
    /** ...and at least this % of the mean level... */
    public static final double FLICKER_MIN_RELATIVE = 0.8;
    /** ...with its spectral peak this many times the median of the band (a periodic, not random, change). */
    public static final double FLICKER_PROMINENCE = 15.0;
    /** Flicker needs this many seconds of picture. */
    public static final double FLICKER_MIN_SECONDS = 2.0;

    /** Stuck pixels: at least this many frames watched. */
    public static final int STUCK_MIN_FRAMES = 24;
    /** Stuck bright (hot) pixel: mean level at or above. */
    public static final double STUCK_BRIGHT_LEVEL = 200;
    /** Stuck dark (dead) pixel: mean level at or below. */
    public static final double STUCK_DARK_LEVEL = 30;
    /** Mean distance from the 8-neighbour mean, levels. */
    public static final double STUCK_MIN_OFFSET = 40;
    /** The pixel itself does not change (temporal standard deviation, levels): a live photosite always shows noise. */
    public static final double STUCK_MAX_OWN_STD = 0.25;
    /** While its neighbours do (mean temporal standard deviation of the 8 neighbours, levels). */
    public static final double STUCK_MIN_NEIGHBOUR_STD = 1.0;
    /**
     * Every one of the 8 neighbours' mean levels is at least this far from the pixel's: a defect is a lone photosite,
     * while a pixel on the edge of a clipped highlight (exactly 255 on the decoder's luma, so it has no noise) has
     * clipped neighbours at its own level.
     */
    public static final double STUCK_MIN_NEIGHBOUR_GAP = 20;
    /** More suspects than this is a picture feature, not a sensor defect. */
    public static final int STUCK_MAX_PIXELS = 20;

    /** Locked-off: at least this fraction of frame steps have no global shift. */
    public static final double LOCKED_OFF_FRACTION = 0.85;
    /** A bump on a locked-off shot: a global shift of at least this many analysis pixels per frame... */
    public static final double BUMP_MIN_SHIFT = 4.0;
    /** ...with the shifted match this much better than no shift. */
    public static final double BUMP_MIN_GAIN = 0.15;

    /** A setup's baseline is used once it was learned from at least this many clips. */
    public static final long BASELINE_MIN_CLIPS = 3;
    /** Exposure differs from the setup's normal when it is more than this many spreads away... */
    public static final double BASELINE_SD_K = 3.0;
    /** ...with the spread taken as at least this many levels (a setup of identical clips has a spread near 0). */
    public static final double BASELINE_EXPOSURE_FLOOR = 6.0;
}
