package io.setkeeper.appliance.media;

import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format2;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.javacpp.BytePointer;

/**
 * Turns FFmpeg's refusal to open a file into a stable {@link FailureCode} and a message a DIT can act on:
 * is it not media at all, a recognised container that is cut short or damaged, a container without essence,
 * or a probe that ran out of time.
 */
final class OpenFailures {
    private static final int PROBE_BYTES = 1 << 16;

    private OpenFailures() {
    }

    static ProbeResult.Failed classify(Path file, int rc, FfmpegRuntime.Session session) {
        String name = file.getFileName().toString();
        List<String> log = session.messages();
        String ffmpeg = log.isEmpty() ? FfmpegRuntime.errorText(rc) : String.join("; ", log);
        if (rc == AVERROR_EXIT || session.interrupted()) {
            return new ProbeResult.Failed(FailureCode.TIMEOUT,
                    name + ": probing took longer than its time budget and was stopped (slow or hanging storage?)");
        }
        if (log.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).contains("no essence"))) {
            return new ProbeResult.Failed(FailureCode.NO_ESSENCE, name
                    + ": the MXF header is there but the file holds no picture or sound essence (header-only or "
                    + "incomplete copy). FFmpeg: " + ffmpeg);
        }
        String detected = detectFormat(file);
        if (detected == null) {
            return new ProbeResult.Failed(FailureCode.UNRECOGNIZED_FORMAT, name
                    + ": not a video or audio file FFmpeg recognises, whatever its extension says"
                    + describeStart(file) + ".");
        }
        return new ProbeResult.Failed(FailureCode.TRUNCATED_OR_CORRUPT, name + ": looks like " + detected
                + " but cannot be opened; the file is probably truncated (interrupted copy) or damaged. FFmpeg: " + ffmpeg);
    }

    /** The container opened but has no picture or sound stream. */
    static ProbeResult.Failed noMediaStreams(Path file, AVFormatContext ctx, FfmpegRuntime.Session session) {
        String name = file.getFileName().toString();
        String format = FfmpegProbe.string(ctx.iformat().long_name());
        if (ctx.nb_streams() == 0 || isTextFormat(FfmpegProbe.string(ctx.iformat().name()))) {
            return new ProbeResult.Failed(FailureCode.UNRECOGNIZED_FORMAT, name
                    + ": not a video or audio file (FFmpeg reads it only as " + format + ")");
        }
        return new ProbeResult.Failed(FailureCode.NO_ESSENCE, name + ": " + format
                + " container without any picture or sound stream" + (session.messages().isEmpty() ? ""
                : ". FFmpeg: " + String.join("; ", session.messages())));
    }

    /** Which demuxer recognises the first bytes, by content only (the extension is not consulted). */
    static String detectFormat(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        } catch (IOException e) {
            return null;
        }
        if (head.length == 0) {
            return null;
        }
        try (BytePointer buf = new BytePointer((long) head.length + AVPROBE_PADDING_SIZE);
             BytePointer emptyName = new BytePointer("");
             AVProbeData pd = new AVProbeData()) {
            buf.fill(0);
            buf.put(head, 0, head.length);
            pd.buf(buf).buf_size(head.length).filename(emptyName).mime_type(null);
            int[] score = new int[1];
            AVInputFormat fmt = av_probe_input_format2(pd, 1, score);
            if (fmt == null || fmt.isNull() || isTextFormat(FfmpegProbe.string(fmt.name()))) {
                return null;
            }
            return FfmpegProbe.string(fmt.long_name()) + " (" + FfmpegProbe.string(fmt.name()) + ")";
        }
    }

    private static boolean isTextFormat(String demuxer) {
        return switch (demuxer) {
            case "tty", "srt", "webvtt", "ass", "microdvd", "mpl2", "jacosub", "subviewer", "subviewer1", "sami",
                 "realtext", "stl", "pjs", "vplayer", "aqtitle", "lrc", "mpsub", "scc" -> true;
            default -> false;
        };
    }

    /** A hint when the file is plainly text. */
    private static String describeStart(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            int printable = 0;
            for (byte b : head) {
                if (b == '\n' || b == '\r' || b == '\t' || (b >= 32 && b < 127)) {
                    printable++;
                }
            }
            return head.length > 0 && printable == head.length ? " (it contains plain text)" : "";
        } catch (IOException e) {
            return "";
        }
    }
}
