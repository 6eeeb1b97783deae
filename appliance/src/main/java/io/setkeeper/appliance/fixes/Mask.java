package io.setkeeper.appliance.fixes;

/** Which pixels of a frame to leave out (people, a region); {@link #NONE} leaves nothing out. */
@FunctionalInterface
public interface Mask {
    Mask NONE = (x, y) -> false;

    boolean excluded(int x, int y);
}
