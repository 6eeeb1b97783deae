package io.setkeeper.appliance.slate;

/**
 * The WAVE {@code fmt } chunk: how the samples in {@code data} are laid out.
 *
 * @param formatTag     1 = PCM, 3 = IEEE float, 0xFFFE = extensible
 * @param blockAlign    bytes per sample frame (all channels)
 */
public record AudioFormat(int formatTag, int channels, long sampleRate, int blockAlign, int bitsPerSample) {
}
