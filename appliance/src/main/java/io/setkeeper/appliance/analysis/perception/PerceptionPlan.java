package io.setkeeper.appliance.analysis.perception;

import java.util.List;

/**
 * Which models a sampled frame needs beyond the object and face detectors (the cascade). YOLOX and UltraFace run on
 * every frame; the person mask (DeepLab, the most expensive model) runs only when YOLOX sees a possible person
 * (a person detection at {@link Cascade#personThreshold()}, well below the 0.3 at which objects are reported) or a
 * face was detected. Otherwise the frame gets an empty mask: nobody is in it.
 *
 * <p>Why the face detector is not gated as well: on close-ups cut from the asl takes (face 83% of the frame height)
 * YOLOX's person score fell to 0.02, so a person gate would lose faces (see docs/analysis.md). The face detector is
 * cheap next to DeepLab and is the second witness for the mask decision.
 *
 * @param personMask whether to run the person segmenter
 */
public record PerceptionPlan(boolean personMask) {
    /** Every model on every frame (the cascade off). */
    public static final PerceptionPlan EVERYTHING = new PerceptionPlan(true);

    /**
     * The cascade's settings.
     *
     * @param enabled         off runs every model on every frame
     * @param personThreshold the YOLOX person score from which the mask is computed
     */
    public record Cascade(boolean enabled, float personThreshold) {
        public Cascade {
            if (!(personThreshold > 0 && personThreshold <= 1)) {
                throw new IllegalArgumentException("personThreshold must be in (0, 1], got " + personThreshold);
            }
        }

        /**
         * On, from person score 0.1: on all footage at 2 fps every frame whose DeepLab mask covered 1% or more
         * had a YOLOX person at 0.16 or more, except the GoPro street shots where DeepLab's mask (up to 27%) was on
         * bushes and nobody is in the picture.
         */
        public static Cascade defaults() {
            return new Cascade(true, 0.1f);
        }

        /** Every model on every frame. */
        public static Cascade off() {
            return new Cascade(false, 0.1f);
        }
    }

    /** The plan for a frame from YOLOX's detections (down to the cascade threshold) and whether a face was found. */
    public static PerceptionPlan decide(List<Detection> detections, boolean anyFace, Cascade cascade) {
        if (!cascade.enabled() || anyFace) {
            return EVERYTHING;
        }
        boolean person = detections.stream().anyMatch(d -> d.isPerson() && d.box().score() >= cascade.personThreshold());
        return new PerceptionPlan(person);
    }
}
