package io.setkeeper.protocol.interchange.edl;

/**
 * An {@code M2} motion effect on an event: the reel, the playback rate in frames per second (0 is a freeze frame,
 * negative plays backwards) and the source frame the effect starts at.
 */
public record EdlSpeed(String reel, double fps, long frame) {
    /** The speed as a ratio of the EDL's rate: 1 is normal, 0 a freeze, 2 twice as fast. */
    public double ratio(int edlFps) {
        return fps / edlFps;
    }

    /** True for a freeze frame (rate 0). */
    public boolean freeze() {
        return fps == 0;
    }
}
