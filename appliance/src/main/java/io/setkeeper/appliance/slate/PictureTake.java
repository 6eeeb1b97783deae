package io.setkeeper.appliance.slate;

import io.setkeeper.protocol.timecode.Timecode;
import java.util.Optional;

/**
 * A picture clip as the sound matcher sees it: where it starts in timecode, how many frames it runs at the start
 * timecode's rate, and the scene and take it was slated as.
 *
 * @param id     the clip's identity for the caller (clip name, file path)
 * @param frames length in frames at {@code start.rate()}
 */
public record PictureTake(String id, Timecode start, long frames, Optional<String> scene, Optional<String> take) {

    public PictureTake {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0: " + frames);
        }
    }
}
