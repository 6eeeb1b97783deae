package io.setkeeper.appliance.media;

import io.setkeeper.appliance.analysis.Decoded;
import io.setkeeper.appliance.analysis.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a clip once with FFmpeg (JavaCV's {@link FFmpegFrameGrabber}, pictures taken as the decoder made them) and
 * hands every picture to a {@link Sink} as a {@link Decoded}: its luma plane scaled down by libswscale to the analysis
 * size, always, and the picture in BGR (at the analysis size, and at the larger detail size) only for the frames the
 * sink asks for ({@link Sink#want}). Converting a 1080p picture to BGR costs about as much as a third of decoding it,
 * so QC reads luma on every frame and colour is made only for the frames perception, stills and colour statistics
 * use. Each delivered array is new (a sink may keep frames). Rotation is reported, not applied ({@link Info#rotation()});
 * the HDR transfer is reported from the probe. A clip that stops decoding midway delivers the frames it has and ends
 * {@link Outcome.Partial} with the reason; a clip that cannot be opened ends {@link Outcome.Failed}.
 *
 * <p>{@link Hardware}: {@code SOFTWARE} always uses FFmpeg's CPU decoders. {@code AUTO} and {@code NVDEC} first try
 * the NVDEC decoders ({@code h264_cuvid}, {@code hevc_cuvid}) for H.264/HEVC, which exist only in an FFmpeg built
 * with CUDA on the Jetson; when that decoder is missing or fails to open (always, on this x86 build) the clip is
 * decoded in software and {@link Info#decoder()} says which decoder ran. ProRes, DNxHR and the rest always decode on
 * the CPU (NVDEC does not know them).
 */
public final class FrameSource {
    /** Which decoder family to use. */
    public enum Hardware { SOFTWARE, AUTO, NVDEC }

    /**
     * How to decode.
     *
     * @param maxSide    the analysis size: the longer picture side is scaled to this (never up), aspect kept, even sizes
     * @param hardware   decoder choice, see the class comment
     * @param threads    decoder threads (0 = FFmpeg's automatic choice)
     * @param detailSide the detail size for {@link Want#DETAIL} frames (slate text), same rules, at least {@code maxSide}
     */
    public record Options(int maxSide, Hardware hardware, int threads, int detailSide) {
        /** The detail size by default: slate text is read at twice the analysis size. */
        public static final int DETAIL_SIDE = 960;

        public Options {
            if (maxSide < 16 || maxSide > 8192) {
                throw new IllegalArgumentException("analysis size must be 16-8192 pixels, was " + maxSide);
            }
            if (detailSide < maxSide || detailSide > 8192) {
                throw new IllegalArgumentException("detail size must be " + maxSide + "-8192 pixels, was " + detailSide);
            }
            Objects.requireNonNull(hardware, "hardware");
        }

        public Options(int maxSide, Hardware hardware, int threads) {
            this(maxSide, hardware, threads, Math.max(maxSide, DETAIL_SIDE));
        }

        public static Options defaults() {
            return new Options(480, Hardware.AUTO, 0);
        }
    }

    /** What a sink wants of a frame besides its luma plane. */
    public enum Want {
        /** The luma plane only. */
        LUMA,
        /** Luma and BGR at the analysis size. */
        COLOUR,
        /** Luma, BGR at the analysis size and BGR at the detail size. */
        DETAIL
    }

    /** What is being decoded, known before the first frame. */
    public record Info(Path file, String codec, String decoder, int sourceWidth, int sourceHeight, int width,
                       int height, Rational frameRate, int rotation, TransferFunction transfer, int bitDepth,
                       long expectedFrames, long durationMicros, int detailWidth, int detailHeight) {
    }

    /** Receives the decoded frames, in presentation order, on the decoding thread. */
    public interface Sink {
        void start(Info info);

        /**
         * Asked before frame {@code index} (at {@code ptsMicros}) is converted: what to deliver besides its luma.
         * Colour on every frame by default; analysis asks only where it needs it.
         */
        default Want want(long index, long ptsMicros) {
            return Want.COLOUR;
        }

        /** One frame; {@code index} counts delivered frames from 0. */
        void frame(Decoded frame, long index);

        /** Asked after each frame; false stops decoding early (the outcome is then {@code Complete}). */
        default boolean wantsMore() {
            return true;
        }
    }

    /** How decoding ended. */
    public sealed interface Outcome {
        long frames();

        /** Every frame of the clip was decoded. */
        record Complete(long frames) implements Outcome {
        }

        /** Decoding stopped early: {@code frames} were delivered, {@code reason} says why in words. */
        record Partial(long frames, String reason) implements Outcome {
        }

        /** Nothing could be decoded. */
        record Failed(long frames, String reason) implements Outcome {
        }
    }

    private FrameSource() {
    }

    /** Decodes {@code file}, calling the sink per frame; never throws for bad media (see {@link Outcome}). */
    public static Outcome decode(Path file, Options options, Sink sink) {
        if (!Files.isRegularFile(file)) {
            return new Outcome.Failed(0, file + " is not a readable file");
        }
        ProbeResult probe = MediaProbe.probe(file);
        if (probe instanceof ProbeResult.Failed f) {
            if (f.code() != FailureCode.TRUNCATED_OR_CORRUPT) {
                return new Outcome.Failed(0, f.code() + ": " + f.message());
            }
            return salvage(file, options, sink, f.code() + ": " + f.message());
        }
        ProbeData data = ((ProbeResult.Probed) probe).data();
        if (data.video().isEmpty()) {
            return new Outcome.Failed(0, file.getFileName() + " has no video stream (" + data.kind() + ")");
        }
        VideoTrack v = data.video().get();
        int[] size = analysisSize(v.width(), v.height(), options.maxSide());
        String hw = hardwareDecoder(v.codec(), options.hardware());
        FFmpegFrameGrabber grabber = null;
        String decoder = "software";
        if (hw != null) {
            grabber = open(file, options, hw);
            decoder = grabber == null ? "software (" + hw + " not available)" : hw;
        }
        if (grabber == null) {
            grabber = open(file, options, null);
        }
        if (grabber == null) {
            return new Outcome.Failed(0, "FFmpeg could not open the video decoder for " + file.getFileName()
                    + " (" + v.codec() + ")");
        }
        int[] detail = analysisSize(v.width(), v.height(), options.detailSide());
        Rational fps = v.frameRate() == null ? Rational.of(25, 1) : v.frameRate();
        Info info = new Info(file, v.codec(), decoder, v.width(), v.height(), size[0], size[1], fps, v.rotation(),
                v.transfer(), v.bitDepth(), v.frameCount(), data.durationMicros(), detail[0], detail[1]);
        sink.start(info);
        return run(grabber, info, sink);
    }

    /** A file the probe calls truncated: decode what is there, then report the probe's reason. */
    private static Outcome salvage(Path file, Options options, Sink sink, String reason) {
        FFmpegFrameGrabber g = open(file, options, null);
        if (g == null) {
            return new Outcome.Failed(0, reason);
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            close(g);
            return new Outcome.Failed(0, reason);
        }
        int[] size = analysisSize(g.getImageWidth(), g.getImageHeight(), options.maxSide());
        int[] detail = analysisSize(g.getImageWidth(), g.getImageHeight(), options.detailSide());
        double rate = g.getFrameRate() > 0 ? g.getFrameRate() : 25;
        Info info = new Info(file, g.getVideoCodecName(), "software", g.getImageWidth(), g.getImageHeight(), size[0],
                size[1], Rational.of(Math.round(rate * 1000), 1000), (int) Math.round(g.getDisplayRotation()),
                TransferFunction.UNKNOWN, 8, g.getLengthInFrames(), g.getLengthInTime(), detail[0], detail[1]);
        sink.start(info);
        Outcome o = run(g, info, sink);
        return o.frames() == 0 ? new Outcome.Failed(0, reason) : new Outcome.Partial(o.frames(), reason);
    }

    private static Outcome run(FFmpegFrameGrabber grabber, Info info, Sink sink) {
        long index = 0;
        long lastPts = Long.MIN_VALUE;
        long step = Math.round(1e6 / info.frameRate().toDouble());
        try (Scaler scaler = new Scaler()) {
            while (true) {
                org.bytedeco.javacv.Frame f;
                try {
                    f = grabber.grabImage();
                } catch (FrameGrabber.Exception e) {
                    return index == 0 ? new Outcome.Failed(0, "decode failed: " + e.getMessage())
                            : new Outcome.Partial(index, "decode failed after frame " + index + ": " + e.getMessage());
                }
                if (f == null) {
                    break;
                }
                if (!(f.opaque instanceof AVFrame picture) || picture.width() <= 0 || picture.height() <= 0
                        || picture.data(0) == null || picture.data(0).isNull()) {
                    continue;
                }
                long pts = f.timestamp;
                if (pts == Long.MIN_VALUE || lastPts != Long.MIN_VALUE && pts <= lastPts) {
                    // missing, repeated or backwards (a raw .264 stream alternates 0 and 40 ms): one frame on
                    pts = lastPts == Long.MIN_VALUE ? 0 : lastPts + step;
                }
                lastPts = pts;
                sink.frame(convert(scaler, picture, info, pts, sink.want(index, pts)), index++);
                if (!sink.wantsMore()) {
                    return new Outcome.Complete(index);
                }
            }
        } finally {
            close(grabber);
        }
        if (index == 0) {
            return new Outcome.Failed(0, "no picture could be decoded from " + info.file().getFileName());
        }
        long delivered = index;
        return truncation(info, delivered).<Outcome>map(r -> new Outcome.Partial(delivered, r))
                .orElse(new Outcome.Complete(delivered));
    }

    private static Decoded convert(Scaler scaler, AVFrame picture, Info info, long pts, Want want) {
        int w = info.width();
        int h = info.height();
        byte[] luma = scaler.luma(picture, w, h);
        Frame colour = want == Want.LUMA ? null : new Frame(w, h, scaler.bgr(picture, w, h), pts);
        Frame detail = want != Want.DETAIL ? null : new Frame(info.detailWidth(), info.detailHeight(),
                scaler.detail(picture, info.detailWidth(), info.detailHeight()), pts);
        return new Decoded(pts, w, h, luma, colour, detail);
    }

    /** A clip whose decoded pictures end well before its declared duration was cut off. */
    static java.util.Optional<String> truncation(Info info, long frames) {
        double fps = info.frameRate().toDouble();
        if (info.durationMicros() <= 0 || fps <= 0) {
            return java.util.Optional.empty();
        }
        double declared = info.durationMicros() / 1e6;
        double decoded = frames / fps;
        if (decoded < declared * 0.9 && declared - decoded > 1.0) {
            return java.util.Optional.of(String.format(Locale.ROOT,
                    "truncated or corrupt: decoding stopped after %d frames (%.2f s) of a declared %.2f s",
                    frames, decoded, declared));
        }
        return java.util.Optional.empty();
    }

    /** The analysis size for a picture: longer side at most {@code maxSide}, even numbers, aspect kept. */
    public static int[] analysisSize(int width, int height, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int w = Math.max(2, (int) Math.round(width * scale / 2) * 2);
        int h = Math.max(2, (int) Math.round(height * scale / 2) * 2);
        return new int[] {w, h};
    }

    /** The NVDEC decoder name to try for a codec, or null when software is the only choice. */
    static String hardwareDecoder(String codec, Hardware hardware) {
        if (hardware == Hardware.SOFTWARE || codec == null) {
            return null;
        }
        return switch (codec) {
            case "h264" -> "h264_cuvid";
            case "hevc" -> "hevc_cuvid";
            default -> null;
        };
    }

    private static FFmpegFrameGrabber open(Path file, Options options, String decoderName) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setImageMode(FrameGrabber.ImageMode.RAW); // the decoder's own pictures; Scaler converts what is wanted
        g.setOption("autorotate", "0");
        if (options.threads() > 0) {
            g.setVideoOption("threads", Integer.toString(options.threads()));
        }
        if (decoderName != null) {
            g.setVideoCodecName(decoderName);
        }
        try {
            g.start();
            return g;
        } catch (FrameGrabber.Exception | RuntimeException | UnsatisfiedLinkError e) {
            close(g);
            return null;
        }
    }

    private static void close(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // nothing more to free
        }
    }
}
