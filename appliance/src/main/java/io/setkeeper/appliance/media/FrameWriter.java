package io.setkeeper.appliance.media;

import io.setkeeper.appliance.analysis.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;

/**
 * Writes analysis frames (BGR) back into a ProRes 422 Proxy MOV, with the LGPL encoder the appliance already uses
 * for its sample card. For tests and tools that need a real clip built from changed frames (a slate drawn in, a
 * defect injected); the appliance itself never writes over original media.
 */
public final class FrameWriter {
    private FrameWriter() {
    }

    /** Encodes the frames (all of one size) at {@code fps} into {@code file}. */
    public static void writeProres(Path file, List<Frame> frames, double fps) throws IOException {
        if (frames.isEmpty()) {
            throw new IOException("no frames to write to " + file);
        }
        FfmpegRuntime.init();
        Files.createDirectories(file.toAbsolutePath().getParent());
        int w = frames.getFirst().width();
        int h = frames.getFirst().height();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
        try {
            recorder.setFormat("mov");
            recorder.setVideoCodecName(SampleClipWriter.CODEC);
            recorder.setPixelFormat(AV_PIX_FMT_YUV422P10LE);
            recorder.setVideoOption("profile", "0");
            recorder.setFrameRate(fps);
            recorder.start();
            org.bytedeco.javacv.Frame out = new org.bytedeco.javacv.Frame(w, h, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
            for (Frame f : frames) {
                if (f.width() != w || f.height() != h) {
                    throw new IOException("frame is " + f.width() + "x" + f.height() + ", the clip is " + w + "x" + h);
                }
                ByteBuffer buf = (ByteBuffer) out.image[0];
                for (int y = 0; y < h; y++) {
                    buf.position(y * out.imageStride);
                    buf.put(f.bgr(), y * w * 3, w * 3);
                }
                buf.rewind();
                recorder.record(out);
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("encoding " + file + " failed: " + e.getMessage(), e);
        } finally {
            try {
                recorder.release();
            } catch (FFmpegFrameRecorder.Exception ignored) {
                // already failing or stopped
            }
        }
    }
}
