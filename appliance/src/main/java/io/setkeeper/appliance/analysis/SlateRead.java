package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.slate.SlateText;

/** The slate read in a clip: what it said and the frame it was read in (head of the clip, or tail for an end board). */
public record SlateRead(SlateText text, long frameIndex, long ptsMicros, boolean tail, Frame frame) {
    /** Below this confidence a read is reported but never compared with the log. */
    public static final double COMPARE_CONFIDENCE = 0.8;
}
