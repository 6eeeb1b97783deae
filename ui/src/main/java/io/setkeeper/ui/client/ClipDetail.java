package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One clip with what probing found: container, size, video format, audio tracks, the timecode's source and the
 * camera's own tags. Fields the probe did not state are empty.
 */
public record ClipDetail(Clip clip, Optional<String> container, Optional<Long> sizeBytes,
                         Optional<String> timecodeSource, Optional<Boolean> dropFrame, Optional<Video> video,
                         List<String> audio, Map<String, String> cameraTags) {
    public ClipDetail {
        audio = List.copyOf(audio);
        cameraTags = Map.copyOf(cameraTags);
    }

    /** The picture track. */
    public record Video(String codec, int width, int height, String pixelFormat, int bitDepth, String transfer,
                       long frameCount, Optional<String> frameRate) {
    }
}
