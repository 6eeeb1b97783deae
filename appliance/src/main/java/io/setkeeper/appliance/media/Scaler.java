package io.setkeeper.appliance.media;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Scales a decoded picture (any FFmpeg pixel format, as the decoder made it) into a Java byte array with
 * libswscale's area filter: 8-bit luma (GRAY8) or BGR24, at a given size. The source's YUV matrix and range are
 * taken from the picture's own tags (untagged HD is BT.709, untagged SD BT.601; untagged range is limited unless
 * the format is a full-range "J" format), so luma and colour come out full range whatever the camera wrote.
 * One conversion context per target, cached while the source stays the same. Not thread-safe; close it.
 */
final class Scaler implements AutoCloseable {
    /** A target: pixel format, size, and the native buffer sws writes into. */
    private static final class Target {
        final int format;
        final int bytesPerPixel;
        SwsContext ctx;
        BytePointer buffer;
        PointerPointer<BytePointer> planes;
        IntPointer strides;
        int width;
        int height;
        int stride;

        Target(int format, int bytesPerPixel) {
            this.format = format;
            this.bytesPerPixel = bytesPerPixel;
        }

        void free() {
            if (ctx != null) {
                swscale.sws_freeContext(ctx);
                ctx = null;
            }
            if (buffer != null) {
                buffer.close();
                planes.close();
                strides.close();
                buffer = null;
            }
        }
    }

    private final Target gray = new Target(avutil.AV_PIX_FMT_GRAY8, 1);
    private final Target bgr = new Target(avutil.AV_PIX_FMT_BGR24, 3);
    private final Target detail = new Target(avutil.AV_PIX_FMT_BGR24, 3);
    private final PointerPointer<BytePointer> srcPlanes = new PointerPointer<>(8);
    private final IntPointer srcStrides = new IntPointer(8);

    /** The picture's luma, {@code width x height}, full range. */
    byte[] luma(AVFrame picture, int width, int height) {
        return scale(gray, picture, width, height);
    }

    /** The picture in BGR at {@code width x height} (the analysis size). */
    byte[] bgr(AVFrame picture, int width, int height) {
        return scale(bgr, picture, width, height);
    }

    /** The picture in BGR at the detail size (its own context, so both sizes stay cached). */
    byte[] detail(AVFrame picture, int width, int height) {
        return scale(detail, picture, width, height);
    }

    private byte[] scale(Target t, AVFrame p, int width, int height) {
        int sw = p.width();
        int sh = p.height();
        long before = t.ctx == null ? 0 : t.ctx.address();
        t.ctx = swscale.sws_getCachedContext(t.ctx, sw, sh, p.format(), width, height, t.format, swscale.SWS_AREA,
                null, null, (DoublePointer) null);
        if (t.ctx == null) {
            throw new IllegalStateException("libswscale cannot convert " + sw + "x" + sh + " "
                    + avutil.av_get_pix_fmt_name(p.format()).getString() + " to " + width + "x" + height);
        }
        if (t.ctx.address() != before) { // a new context: tell it the source's colourspace once
            colourspace(t.ctx, p);
        }
        if (t.buffer == null || t.width != width || t.height != height) {
            if (t.buffer != null) {
                t.buffer.close();
                t.planes.close();
                t.strides.close();
            }
            t.width = width;
            t.height = height;
            t.stride = (width * t.bytesPerPixel + 31) & ~31; // aligned rows keep libswscale on its SIMD paths
            t.buffer = new BytePointer((long) t.stride * height + 64);
            t.planes = new PointerPointer<>(t.buffer, null, null, null);
            t.strides = new IntPointer(t.stride, 0, 0, 0);
        }
        for (int i = 0; i < 8; i++) {
            srcPlanes.put(i, p.data(i));
            srcStrides.put(i, p.linesize(i));
        }
        int rows = swscale.sws_scale(t.ctx, srcPlanes, srcStrides, 0, sh, t.planes, t.strides);
        if (rows != height) {
            throw new IllegalStateException("libswscale wrote " + rows + " of " + height + " rows");
        }
        int row = width * t.bytesPerPixel;
        byte[] out = new byte[row * height];
        if (t.stride == row) {
            t.buffer.position(0).get(out, 0, out.length);
        } else {
            for (int y = 0; y < height; y++) {
                t.buffer.position((long) y * t.stride).get(out, y * row, row);
            }
        }
        t.buffer.position(0);
        return out;
    }

    /** Tells the context the source's YUV matrix and range (RGB sources need nothing). */
    private static void colourspace(SwsContext ctx, AVFrame p) {
        AVPixFmtDescriptor desc = avutil.av_pix_fmt_desc_get(p.format());
        if (desc == null || (desc.flags() & avutil.AV_PIX_FMT_FLAG_RGB) != 0) {
            return;
        }
        int space = p.colorspace();
        if (space == avutil.AVCOL_SPC_UNSPECIFIED || space == avutil.AVCOL_SPC_RGB || space > avutil.AVCOL_SPC_BT2020_CL) {
            space = p.height() >= 720 ? swscale.SWS_CS_ITU709 : swscale.SWS_CS_ITU601;
        }
        int srcRange = p.color_range() == avutil.AVCOL_RANGE_JPEG || fullRangeFormat(p.format()) ? 1 : 0;
        IntPointer coefficients = swscale.sws_getCoefficients(space);
        swscale.sws_setColorspaceDetails(ctx, coefficients, srcRange, coefficients, 1, 0, 1 << 16, 1 << 16);
    }

    private static boolean fullRangeFormat(int format) {
        return format == avutil.AV_PIX_FMT_YUVJ420P || format == avutil.AV_PIX_FMT_YUVJ422P
                || format == avutil.AV_PIX_FMT_YUVJ444P || format == avutil.AV_PIX_FMT_YUVJ440P
                || format == avutil.AV_PIX_FMT_YUVJ411P;
    }

    @Override
    public void close() {
        gray.free();
        bgr.free();
        detail.free();
        srcPlanes.close();
        srcStrides.close();
    }
}
