package io.setkeeper.appliance.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;

/**
 * Writes short demo clips that look like camera proxies: Apple ProRes 422 Proxy ({@code prores_ks}, which the
 * LGPL FFmpeg build encodes) in a QuickTime .mov, 10-bit 4:2:2, with a start timecode track that
 * {@link MediaProbe} reads back, and a picture drawn with OpenCV (bars, ramp, moving ball, clip name and running
 * timecode burnt in). The file appears only when complete: it is written beside the target and moved into place.
 */
public final class SampleClipWriter {
    /** FFmpeg encoder used: ProRes by Kostya Shishkov's encoder, profile 0 = 422 Proxy. */
    public static final String CODEC = "prores_ks";

    private SampleClipWriter() {
    }

    /** Encodes {@code spec} into {@code file} (a .mov). Throws IOException when encoding or writing fails. */
    public static void write(Path file, SampleClipSpec spec) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "." + file.getFileName() + ".", ".part.mov");
        boolean done = false;
        try {
            encode(partial, spec);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static void encode(Path out, SampleClipSpec spec) throws IOException {
        FfmpegRuntime.init();
        long startFrame = Timecodes.toFrames(spec.startTimecode(), spec.fpsNum(), spec.fpsDen());
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), spec.width(), spec.height(), 0);
        try (SampleFramePainter painter = new SampleFramePainter(spec.width(), spec.height(), spec.frames());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("mov");
            recorder.setVideoCodecName(CODEC);
            recorder.setPixelFormat(AV_PIX_FMT_YUV422P10LE);
            recorder.setVideoOption("profile", "0");
            recorder.setVideoOption("vendor", "apl0");
            recorder.setVideoOption("color_primaries", "bt709");
            recorder.setVideoOption("color_trc", "bt709");
            recorder.setVideoOption("colorspace", "bt709");
            // JavaCV turns the double back into a rational with av_d2q(rate, 1001000): 24000/1001 comes out exact.
            recorder.setFrameRate((double) spec.fpsNum() / spec.fpsDen());
            recorder.setMetadata("timecode", spec.startTimecode());
            recorder.setVideoMetadata("timecode", spec.startTimecode());
            recorder.setMetadata("title", spec.name());
            recorder.setMetadata("encoder", "Setkeeper SampleClipWriter");
            recorder.start();
            for (int i = 0; i < spec.frames(); i++) {
                String tc = Timecodes.fromFrames(startFrame + i, spec.fpsNum(), spec.fpsDen(), spec.dropFrame());
                Frame frame = converter.convert(painter.paint(i, spec.name(), tc));
                recorder.record(frame);
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("encoding " + spec.name() + " with " + CODEC + " failed: " + e.getMessage(), e);
        } finally {
            try {
                recorder.release();
            } catch (FFmpegFrameRecorder.Exception ignored) {
                // already failing or stopped; nothing more to free
            }
        }
    }
}
