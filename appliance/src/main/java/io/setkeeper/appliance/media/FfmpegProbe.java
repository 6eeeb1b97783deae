package io.setkeeper.appliance.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_color_primaries_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_transfer_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * The FFmpeg side of probing: opens the container with libavformat (demux only, no decoding), reads streams,
 * tags and side data, and closes it in every case. Failures to open are classified by {@link OpenFailures}.
 */
final class FfmpegProbe {
    /** Files up to this size get their frames counted by demuxing when the container states no frame count. */
    static final long COUNT_LIMIT_BYTES = 8L << 30;
    private FfmpegProbe() {
    }

    @SuppressWarnings("try") // the PointerScope frees every JavaCPP allocation made inside it
    static ProbeResult probe(Path file, long sizeBytes, long budgetNanos) {
        try (FfmpegRuntime.Session session = FfmpegRuntime.begin(budgetNanos);
             PointerScope scope = new PointerScope()) {
            AVFormatContext ctx = avformat_alloc_context();
            if (ctx == null || ctx.isNull()) {
                return new ProbeResult.Failed(FailureCode.DECODER_ERROR, "FFmpeg could not allocate a demuxer context");
            }
            ctx.interrupt_callback().callback(FfmpegRuntime.INTERRUPT);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "protocol_whitelist", "file", 0);
            // "file:" makes FFmpeg take the path literally (no "pipe:", "concat:" or other protocol prefixes).
            BytePointer url = new BytePointer("file:" + file.toAbsolutePath(), StandardCharsets.UTF_8);
            int rc = avformat_open_input(ctx, url, null, options);
            av_dict_free(options);
            if (rc < 0) {
                // FFmpeg frees a user-supplied context when opening fails.
                return OpenFailures.classify(file, rc, session);
            }
            try {
                rc = avformat_find_stream_info(ctx, (PointerPointer<?>) null);
                if (rc < 0) {
                    return OpenFailures.classify(file, rc, session);
                }
                return read(ctx, file, sizeBytes, session);
            } finally {
                avformat_close_input(ctx);
            }
        }
    }

    private static ProbeResult read(AVFormatContext ctx, Path file, long sizeBytes, FfmpegRuntime.Session session) {
        Map<String, String> formatTags = tags(ctx.metadata());
        AVStream videoStream = null;
        AVStream firstAudio = null;
        List<AudioTrack> audio = new ArrayList<>();
        Timecode trackTimecode = null;
        int mediaStreams = 0;
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            AVCodecParameters par = st.codecpar();
            if (par == null || par.isNull()) {
                continue;
            }
            if (par.codec_type() == AVMEDIA_TYPE_VIDEO && (st.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                mediaStreams++;
                if (videoStream == null || pixels(par) > pixels(videoStream.codecpar())) {
                    videoStream = st;
                }
            } else if (par.codec_type() == AVMEDIA_TYPE_AUDIO) {
                mediaStreams++;
                firstAudio = firstAudio == null ? st : firstAudio;
                audio.add(new AudioTrack(st.index(), string(avcodec_get_name(par.codec_id())),
                        par.ch_layout().nb_channels(), par.sample_rate()));
            } else if (trackTimecode == null) {
                trackTimecode = Timecode.parse(tags(st.metadata()).get("timecode"), "timecode-track");
            }
        }
        if (mediaStreams == 0) {
            return OpenFailures.noMediaStreams(file, ctx, session);
        }
        Map<String, String> videoTags = videoStream == null ? Map.of() : tags(videoStream.metadata());
        Timecode tc = Timecode.parse(videoTags.get("timecode"), "video-stream");
        if (tc == null) {
            tc = Timecode.parse(formatTags.get("timecode"), "container");
        }
        if (tc == null) {
            tc = trackTimecode;
        }
        long durationMicros = ctx.duration() != AV_NOPTS_VALUE && ctx.duration() > 0 ? ctx.duration() : 0;
        Optional<VideoTrack> video = Optional.empty();
        if (videoStream != null) {
            VideoTrack track = video(ctx, videoStream, videoTags, durationMicros, sizeBytes, session);
            video = Optional.of(track);
            if (durationMicros == 0 && track.frameRate() != null && track.frameCount() > 0) {
                durationMicros = Math.round(track.frameCount() * 1e6 * track.frameRate().den() / track.frameRate().num());
            }
        }
        // after counting: the check seeks to the end
        ProbeResult.Failed cut = truncation(ctx, file, sizeBytes, videoStream != null ? videoStream : firstAudio,
                durationMicros, session);
        if (cut != null) {
            return cut;
        }
        return new ProbeResult.Probed(new ProbeData(file, sizeBytes, video.isPresent() ? MediaKind.VIDEO : MediaKind.AUDIO_ONLY,
                string(ctx.iformat().name()), string(ctx.iformat().long_name()), durationMicros, video, audio,
                Optional.ofNullable(tc), CameraTags.normalise(formatTags, videoTags)));
    }

    /** A clip that opens but is cut short (interrupted copy), or null when it looks complete. */
    private static ProbeResult.Failed truncation(AVFormatContext ctx, Path file, long sizeBytes, AVStream main,
                                                 long durationMicros, FfmpegRuntime.Session session) {
        String name = file.getFileName().toString();
        long indexed = Completeness.indexedEnd(ctx);
        if (indexed > sizeBytes) {
            return new ProbeResult.Failed(FailureCode.TRUNCATED_OR_CORRUPT, String.format(
                    "%s: the file is cut short: its index refers to %,d bytes but only %,d are present (%d %%); "
                            + "the copy is probably incomplete", name, indexed, sizeBytes, sizeBytes * 100 / indexed));
        }
        if (main != null && durationMicros > 0) {
            long present = Completeness.presentMicros(ctx, main, durationMicros);
            if (!session.interrupted() && Completeness.shortOf(present, durationMicros)) {
                String found = present > 0 ? String.format("the data ends at %.2f s", present / 1e6)
                        : "there is no data in its last second";
                return new ProbeResult.Failed(FailureCode.TRUNCATED_OR_CORRUPT, String.format(
                        "%s: the file is cut short: its header declares %.2f s but %s; the copy is probably incomplete",
                        name, durationMicros / 1e6, found));
            }
        }
        return null;
    }

    private static VideoTrack video(AVFormatContext ctx, AVStream st, Map<String, String> videoTags, long formatMicros,
                                    long sizeBytes, FfmpegRuntime.Session session) {
        AVCodecParameters par = st.codecpar();
        // FFmpeg's own heuristic over r_frame_rate, avg_frame_rate and the codec's rate: raw H.264 streams report
        // an r_frame_rate of 1200000/1 (their time base) while the demuxer's nominal rate is 25.
        Rational rate = rational(av_guess_frame_rate(ctx, st, null));
        Rational avg = rational(st.avg_frame_rate());
        if (rate == null) {
            rate = avg != null ? avg : rational(par.framerate());
        }
        long frames = st.nb_frames();
        VideoTrack.FrameCountSource source = VideoTrack.FrameCountSource.CONTAINER;
        if (frames <= 0) {
            long micros = streamMicros(st);
            if (micros <= 0) {
                micros = formatMicros;
            }
            long estimate = micros > 0 && rate != null ? Math.round(micros / 1e6 * rate.num() / rate.den()) : 0;
            // MXF packets include fill and partial edit units (indirect.mxf: 2 packets, 1 frame): trust its duration.
            // Elsewhere (Matroska, raw H.264) one packet is one frame and counting is exact, where durations are not.
            boolean mxf = string(ctx.iformat().name()).equals("mxf");
            long counted = !mxf && sizeBytes <= COUNT_LIMIT_BYTES ? countPackets(ctx, st.index(), session) : -1;
            if (counted > 0) {
                frames = counted;
                source = VideoTrack.FrameCountSource.COUNTED;
            } else if (estimate > 0) {
                frames = estimate;
                source = VideoTrack.FrameCountSource.DURATION;
            } else {
                frames = 0;
                source = VideoTrack.FrameCountSource.UNKNOWN;
            }
        }
        String trc = string(av_color_transfer_name(par.color_trc()));
        int format = par.format();
        String pixFmt = format < 0 ? "unknown" : string(av_get_pix_fmt_name(format));
        int depth = 0;
        if (format >= 0) {
            AVPixFmtDescriptor desc = av_pix_fmt_desc_get(format);
            if (desc != null && !desc.isNull()) {
                depth = desc.comp(0).depth();
            }
        }
        return new VideoTrack(st.index(), string(avcodec_get_name(par.codec_id())), par.width(), par.height(), rate, avg,
                frames, source, rotation(par, videoTags), TransferFunction.fromFfmpegName(trc), orUnknown(trc),
                orUnknown(string(av_color_primaries_name(par.color_primaries()))), orUnknown(pixFmt), depth);
    }

    /** Display rotation from the display matrix side data, else from a legacy "rotate" tag (clockwise). */
    static int rotation(AVCodecParameters par, Map<String, String> videoTags) {
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (sd != null && !sd.isNull() && sd.size() >= 36) {
            double degrees = av_display_rotation_get(new IntPointer(sd.data()));
            if (!Double.isNaN(degrees)) {
                return normaliseDegrees(Math.round(degrees));
            }
        }
        String rotate = videoTags.get("rotate");
        if (rotate != null && rotate.strip().matches("-?\\d+")) {
            return normaliseDegrees(-Long.parseLong(rotate.strip()));
        }
        return 0;
    }

    /** Maps any angle to (-180, 180]. */
    static int normaliseDegrees(long degrees) {
        long d = ((degrees % 360) + 360) % 360;
        return (int) (d > 180 ? d - 360 : d);
    }

    private static long streamMicros(AVStream st) {
        if (st.duration() == AV_NOPTS_VALUE || st.duration() <= 0) {
            return 0;
        }
        AVRational tb = st.time_base();
        return tb.den() == 0 ? 0 : Math.round(st.duration() * 1e6 * tb.num() / tb.den());
    }

    /** Counts the picture stream's packets by demuxing (no decoding); -1 when the budget ran out. */
    private static long countPackets(AVFormatContext ctx, int streamIndex, FfmpegRuntime.Session session) {
        AVPacket pkt = av_packet_alloc();
        long count = 0;
        try {
            int rc;
            while ((rc = av_read_frame(ctx, pkt)) >= 0) {
                if (pkt.stream_index() == streamIndex) {
                    count++;
                }
                av_packet_unref(pkt);
            }
            return rc == AVERROR_EOF && !session.interrupted() ? count : -1;
        } finally {
            av_packet_free(pkt);
        }
    }

    private static long pixels(AVCodecParameters par) {
        return (long) par.width() * par.height();
    }

    private static Rational rational(AVRational r) {
        if (r == null || r.isNull() || r.num() <= 0 || r.den() <= 0) {
            return null;
        }
        return Rational.of(r.num(), r.den());
    }

    static Map<String, String> tags(AVDictionary dict) {
        Map<String, String> out = new LinkedHashMap<>();
        if (dict == null || dict.isNull()) {
            return out;
        }
        AVDictionaryEntry e = null;
        while ((e = av_dict_iterate(dict, e)) != null && !e.isNull()) {
            out.putIfAbsent(string(e.key()), string(e.value()));
        }
        return out;
    }

    static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString(StandardCharsets.UTF_8);
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
