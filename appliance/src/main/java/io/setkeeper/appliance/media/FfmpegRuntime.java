package io.setkeeper.appliance.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Process-wide FFmpeg plumbing for the media package: one log callback that routes FFmpeg's messages to the
 * thread that is probing (so a failure can quote FFmpeg's own reason, e.g. "no essence") or else to
 * java.util.logging, and one interrupt callback that enforces a per-thread time budget on blocking FFmpeg calls.
 * Both callbacks are single static instances: JavaCPP allots only a few native thunks per callback class.
 */
final class FfmpegRuntime {
    private static final Logger LOG = Logger.getLogger("io.setkeeper.appliance.media.ffmpeg");
    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

    private static final LogCallback LOG_CALLBACK = new LogCallback() {
        @Override
        public void call(int level, BytePointer msg) {
            if (level > AV_LOG_WARNING || msg == null || msg.isNull()) {
                return;
            }
            String line = clean(msg.getString(StandardCharsets.UTF_8));
            if (line.isEmpty()) {
                return;
            }
            Session session = CURRENT.get();
            if (session != null) {
                session.log(line);
            } else {
                LOG.log(level <= AV_LOG_ERROR ? Level.FINE : Level.FINER, line);
            }
        }
    };

    /** Returns 1 (abort) once the current thread's deadline has passed; FFmpeg then fails with AVERROR_EXIT. */
    static final AVIOInterruptCB.Callback_Pointer INTERRUPT = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            Session session = CURRENT.get();
            if (session != null && System.nanoTime() - session.deadlineNanos > 0) {
                session.interrupted = true;
                return 1;
            }
            return 0;
        }
    };

    static {
        // Never freed: a caller's PointerScope open during class initialisation must not release the thunks.
        LOG_CALLBACK.retainReference();
        INTERRUPT.retainReference();
        avutil.av_log_set_level(AV_LOG_WARNING);
        avutil.setLogCallback(LOG_CALLBACK);
    }

    private FfmpegRuntime() {
    }

    /** Installs the log callback (idempotent; class initialisation does the work). */
    static void init() {
        // the static initialiser has run when this returns
    }

    /** Starts a budgeted session on this thread; close it in a finally block. */
    static Session begin(long budgetNanos) {
        Session session = new Session(System.nanoTime() + budgetNanos);
        CURRENT.set(session);
        return session;
    }

    /** Strips FFmpeg's "[mxf @ 0x55...] " context prefix and the trailing newline. */
    static String clean(String line) {
        String s = line.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf("] ");
            if (end > 0) {
                s = s.substring(end + 2).strip();
            }
        }
        return s;
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    static String errorText(int code) {
        byte[] buf = new byte[256];
        avutil.av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /** One thread's probing session: its deadline and the FFmpeg messages logged during it. */
    static final class Session implements AutoCloseable {
        private final long deadlineNanos;
        private final List<String> lines = new ArrayList<>();
        private volatile boolean interrupted;

        private Session(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        private void log(String line) {
            if (lines.size() < 50) {
                lines.add(line);
            }
        }

        /** FFmpeg's warnings and errors logged on this thread so far. */
        List<String> messages() {
            return List.copyOf(lines);
        }

        /** True when the budget ran out and FFmpeg was told to stop. */
        boolean interrupted() {
            return interrupted;
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
