package io.setkeeper.appliance.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads what a camera file is: container, codec, picture size, exact frame rate, frame count, start timecode,
 * rotation, HDR transfer, audio streams and camera tags. Demuxes only (no decoding), closes every native resource,
 * and stops FFmpeg when a time budget runs out. Never throws for bad input: every problem is a
 * {@link ProbeResult.Failed} with a stable code.
 */
public final class MediaProbe {
    /** The default time budget for one file: generous for a local card, short enough to never stall an offload. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    private MediaProbe() {
    }

    /**
     * Loads the FFmpeg native libraries (about two seconds on first use) so that the first real probe is fast.
     * Call once at start-up; harmless to call again.
     */
    public static void warmUp() {
        FfmpegRuntime.init();
        org.bytedeco.ffmpeg.global.avformat.avformat_version();
    }

    /** Probes with {@link #DEFAULT_BUDGET}. */
    public static ProbeResult probe(Path file) {
        return probe(file, DEFAULT_BUDGET);
    }

    /** Probes one file within {@code budget}. */
    public static ProbeResult probe(Path file, Duration budget) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return new ProbeResult.Failed(FailureCode.NOT_FOUND, name + ": no such file (" + file + ")");
        }
        if (!Files.isRegularFile(file)) {
            return new ProbeResult.Failed(FailureCode.NOT_A_FILE, name + ": is a folder or a special file, not a clip");
        }
        if (!Files.isReadable(file)) {
            return new ProbeResult.Failed(FailureCode.UNREADABLE, name + ": cannot be read (permissions)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return new ProbeResult.Failed(FailureCode.UNREADABLE, name + ": cannot be read: " + e.getMessage());
        }
        if (size == 0) {
            return new ProbeResult.Failed(FailureCode.EMPTY_FILE,
                    name + ": the file is empty (0 bytes); the copy from the card probably failed");
        }
        try {
            return FfmpegProbe.probe(file, size, Math.max(1, budget.toNanos()));
        } catch (RuntimeException | LinkageError e) {
            return new ProbeResult.Failed(FailureCode.DECODER_ERROR, name + ": FFmpeg failed: " + e);
        }
    }
}
