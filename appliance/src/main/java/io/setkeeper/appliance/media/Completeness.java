package io.setkeeper.appliance.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Detects a clip that opens but is cut short, the usual result of an interrupted card copy: a QuickTime file
 * written "fast start" (index first) or a Matroska/MXF file whose header states a duration the data no longer
 * reaches. Two checks: the container index must not point past the end of the file, and the last packets must
 * reach close to the declared duration.
 */
final class Completeness {
    private static final int TAIL_ENTRIES = 32;
    private static final int TAIL_PACKETS = 4000;

    private Completeness() {
    }

    /** Highest byte the container index refers to (offset + size), or -1 when there is no index. */
    static long indexedEnd(AVFormatContext ctx) {
        long end = -1;
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            int n = avformat_index_get_entries_count(st);
            for (int k = Math.max(0, n - TAIL_ENTRIES); k < n; k++) {
                AVIndexEntry e = avformat_index_get_entry(st, k);
                if (e != null && !e.isNull() && e.pos() >= 0) {
                    end = Math.max(end, e.pos() + e.size());
                }
            }
        }
        return end;
    }

    /**
     * Seeks to near the declared end and reads the main (picture, else sound) stream's last packets.
     *
     * @return microseconds of that stream actually present (end of the last packet), or -1 when it cannot be told
     */
    static long presentMicros(AVFormatContext ctx, AVStream main, long declaredMicros) {
        AVRational tb = main.time_base();
        if (tb.num() <= 0 || tb.den() <= 0) {
            return -1;
        }
        long startTs = main.start_time() == AV_NOPTS_VALUE ? 0 : main.start_time();
        long targetMicros = Math.max(0, declaredMicros - 1_000_000);
        long target = startTs + Math.round(targetMicros / 1e6 * tb.den() / tb.num());
        if (av_seek_frame(ctx, main.index(), target, AVSEEK_FLAG_BACKWARD) < 0) {
            return -1;
        }
        AVPacket pkt = av_packet_alloc();
        long lastEnd = Long.MIN_VALUE;
        try {
            for (int read = 0; read < TAIL_PACKETS && av_read_frame(ctx, pkt) >= 0; read++) {
                if (pkt.stream_index() == main.index()) {
                    long ts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                    if (ts != AV_NOPTS_VALUE) {
                        lastEnd = Math.max(lastEnd, ts + Math.max(0, pkt.duration()));
                    }
                }
                av_packet_unref(pkt);
            }
        } finally {
            av_packet_free(pkt);
        }
        if (lastEnd == Long.MIN_VALUE) {
            return 0;
        }
        return Math.round((lastEnd - startTs) * 1e6 * tb.num() / tb.den());
    }

    /** True when the data present falls short of the declared duration by more than half a second and 10 %. */
    static boolean shortOf(long presentMicros, long declaredMicros) {
        if (presentMicros < 0 || declaredMicros <= 0) {
            return false;
        }
        long missing = declaredMicros - presentMicros;
        return missing > 500_000 && missing > declaredMicros / 10;
    }
}
