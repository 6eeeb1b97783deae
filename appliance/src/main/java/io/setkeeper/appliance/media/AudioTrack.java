package io.setkeeper.appliance.media;

/**
 * One audio stream of a probed file.
 *
 * @param index      the stream index in the container
 * @param codec      FFmpeg codec name, e.g. {@code aac}, {@code pcm_s24le}
 * @param channels   channel count (0 when the container does not say)
 * @param sampleRate samples per second (0 when the container does not say)
 */
public record AudioTrack(int index, String codec, int channels, int sampleRate) {
}
