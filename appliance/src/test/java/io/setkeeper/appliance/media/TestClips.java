package io.setkeeper.appliance.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real media files generated for tests that must run without the shared data. */
final class TestClips {
    private TestClips() {
    }

    /** A 1 s ProRes clip (128x72, 25 fps, TC 10:00:00:00) written by {@link SampleClipWriter}. */
    static Path proresClip(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        SampleClipWriter.write(file, new SampleClipSpec(name, 128, 72, 25, 1, "10:00:00:00", 25));
        return file;
    }

    /** A PCM WAV file: mono 16-bit 48 kHz, a 440 Hz tone of {@code millis} milliseconds. */
    static Path wav(Path file, int millis) throws IOException {
        int rate = 48_000;
        int samples = rate * millis / 1000;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return Files.write(file, b.array());
    }

    /** Writes the first half of {@code source} to {@code target}: an interrupted copy. */
    static Path firstHalf(Path source, Path target) throws IOException {
        byte[] all = Files.readAllBytes(source);
        return Files.write(target, java.util.Arrays.copyOf(all, all.length / 2));
    }
}
