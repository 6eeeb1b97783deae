package io.setkeeper.appliance.media;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What probing found in one media file: container, picture and sound streams, start timecode and camera tags.
 *
 * @param file           the probed file
 * @param sizeBytes      its size
 * @param kind           VIDEO when there is a picture stream, AUDIO_ONLY otherwise
 * @param container      FFmpeg's demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code mxf}, {@code matroska,webm}
 * @param containerLongName FFmpeg's long demuxer name, e.g. "QuickTime / MOV"
 * @param durationMicros duration in microseconds (0 when the container does not say, e.g. raw H.264)
 * @param video          the main picture stream, empty for AUDIO_ONLY
 * @param audio          every audio stream, in container order
 * @param startTimecode  the start timecode when the file carries one
 * @param cameraTags     camera and encoder metadata with normalised keys (see {@link CameraTags}), sorted
 */
public record ProbeData(Path file, long sizeBytes, MediaKind kind, String container, String containerLongName,
                        long durationMicros, Optional<VideoTrack> video, List<AudioTrack> audio,
                        Optional<Timecode> startTimecode, Map<String, String> cameraTags) {

    public ProbeData {
        audio = List.copyOf(audio);
        cameraTags = Collections.unmodifiableSortedMap(new TreeMap<>(cameraTags));
    }

    /** The start timecode text, e.g. "01:00:10:00", or null when the file has none. */
    public String startTimecodeText() {
        return startTimecode.map(Timecode::text).orElse(null);
    }
}
