package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.qc.ClipQc;
import io.setkeeper.appliance.analysis.qc.QcAnalyzer;
import io.setkeeper.appliance.media.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Analyses one clip: decodes it once ({@link FrameSource}) on the calling thread, measures the luma of every frame
 * on a QC thread, runs perception on the frames sampled at {@code perceptionFps} on a third thread and reads the
 * slate candidates on a fourth (while the clip still decodes; the search stops at the first complete, confident
 * read), so the two model users share the cores with decode and QC instead of queueing behind each other. Colour
 * is converted only for the frames that need it ({@link #COLOUR_FPS} a second of clip time, which colour statistics,
 * perception samples and stills are taken from, and slate candidates in detail); every other frame is luma only.
 * Up to {@link #KEEP} evenly spread colour frames are kept for stills and evidence. Bounded queues between the
 * threads keep memory flat.
 */
public final class ClipAnalysis {
    /** Frames kept (one per second at most, thinned evenly) for the contact sheet and evidence stills. */
    public static final int KEEP = 24;

    /** Colour frames per second of clip time: colour statistics, perception samples and stills come from these. */
    public static final double COLOUR_FPS = 4;

    /**
     * Everything one run produced; {@code slateReads} counts the candidate frames the slate reader ran on,
     * {@code slateSkipped} the candidates not read because they were the same picture as one that read nothing.
     */
    public record Result(FrameSource.Outcome outcome, Optional<FrameSource.Info> info, Optional<ClipQc> qc,
                         PerceptionSummary perception, List<KeptFrame> kept, List<Perceived> perceived,
                         Optional<SlateRead> slate, int slateReads, int slateSkipped) {
    }

    /** A sampled frame and what perception saw in it: what the production model learns from. */
    public record Perceived(Frame frame, io.setkeeper.appliance.analysis.perception.FramePerception seen) {
    }

    /** Perceived frames kept per clip for the production model (at 2 fps: the first 24 s of a take). */
    public static final int KEEP_PERCEIVED = 48;

    /** A frame kept for stills, with its index. */
    public record KeptFrame(long index, Frame frame) {
    }

    private static final Decoded END = new Decoded(Long.MIN_VALUE, 1, 1, new byte[1], null, null);
    private static final Frame END_FRAME = new Frame(1, 1, new byte[3], Long.MIN_VALUE);
    private static final SlateFrames.Candidate END_SLATE = new SlateFrames.Candidate(-1, END_FRAME, false);

    private ClipAnalysis() {
    }

    /**
     * Runs the analysis.
     *
     * @param perception    null to skip perception
     * @param perceptionFps sampled frames per second of clip time (0 = none)
     * @param progress      called with the number of frames measured so far (every few frames)
     */
    public static Result run(java.nio.file.Path file, FrameSource.Options options, Perception perception,
                             double perceptionFps, LongConsumer progress) throws InterruptedException {
        boolean perceive = perception != null && perceptionFps > 0;
        BlockingQueue<Decoded> qcQueue = new ArrayBlockingQueue<>(8);
        BlockingQueue<Frame> perceptionQueue = new ArrayBlockingQueue<>(2);
        BlockingQueue<SlateFrames.Candidate> slateQueue = new ArrayBlockingQueue<>(2);
        PerceptionSummary summary = new PerceptionSummary();
        FrameSource.Info[] info = new FrameSource.Info[1];
        QcAnalyzer[] qc = new QcAnalyzer[1];
        List<KeptFrame> kept = new ArrayList<>();
        List<Perceived> perceived = java.util.Collections.synchronizedList(new ArrayList<>());
        SlateSearch slate = new SlateSearch(perception);
        Throwable[] failure = new Throwable[1];
        long[] nextSample = {0};
        long[] nextColour = {Long.MIN_VALUE};
        SlateFrames[] slateFrames = new SlateFrames[1];
        Thread qcThread = worker("analysis-qc", qcQueue, END, failure, new java.util.function.Consumer<>() {
            private long i;

            @Override
            public void accept(Decoded f) {
                qc[0].accept(f.luma(), f.width(), f.height(), f.ptsMicros(), f.colour(), i++);
                if (i % 24 == 0) {
                    progress.accept(i);
                }
            }
        });
        Thread perceptionThread = worker("analysis-perception", perceptionQueue, END_FRAME, failure, f -> {
            boolean keep = perceived.size() < KEEP_PERCEIVED; // only kept frames' masks are read downstream
            var seen = perception.perceive(f, keep);
            summary.add(seen);
            if (keep) {
                perceived.add(new Perceived(f, seen));
            }
        });
        Thread slateThread = worker("analysis-slate", slateQueue, END_SLATE, failure, slate::read);
        FrameSource.Outcome outcome;
        try {
            outcome = FrameSource.decode(file, options, new FrameSource.Sink() {
                @Override
                public void start(FrameSource.Info i) {
                    info[0] = i;
                    qc[0] = new QcAnalyzer(i.frameRate().toDouble());
                    slateFrames[0] = SlateFrames.forClip(i.durationMicros());
                }

                @Override
                public FrameSource.Want want(long index, long pts) {
                    if (perceive && !slate.done() && slateFrames[0].wants(pts)) {
                        return FrameSource.Want.DETAIL;
                    }
                    return pts >= nextColour[0] ? FrameSource.Want.COLOUR : FrameSource.Want.LUMA;
                }

                @Override
                public void frame(Decoded frame, long index) {
                    try {
                        if (failure[0] == null) {
                            qcQueue.put(frame);
                        }
                        if (!frame.hasColour()) {
                            return;
                        }
                        nextColour[0] = frame.ptsMicros() + Math.round(1e6 / COLOUR_FPS);
                        keep(kept, index, frame.colour(), info[0]);
                        if (perceive && frame.ptsMicros() >= nextSample[0] && failure[0] == null) {
                            perceptionQueue.put(frame.colour());
                            nextSample[0] = frame.ptsMicros() + Math.round(1e6 / perceptionFps);
                        }
                        if (perceive && frame.detail() != null && failure[0] == null) {
                            var ready = slateFrames[0].offer(frame.detail(), index);
                            if (ready.isPresent()) {
                                slateQueue.put(ready.get());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("analysis interrupted", e);
                    }
                }
            });
        } finally {
            boolean interrupted = stopAndJoin(qcThread, qcQueue, END)
                    | stopAndJoin(perceptionThread, perceptionQueue, END_FRAME)
                    | stopAndJoin(slateThread, slateQueue, END_SLATE);
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedException("analysis stopped");
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("analysis failed: " + failure[0], failure[0]);
        }
        if (perceive && slateFrames[0] != null) {
            slateFrames[0].pendingTail().forEach(slate::read); // a clip of unknown length: its tail is known now
        }
        ClipQc result = qc[0] == null || outcome.frames() == 0 ? null : qc[0].finish();
        return new Result(outcome, Optional.ofNullable(info[0]), Optional.ofNullable(result), summary, List.copyOf(kept),
                List.copyOf(perceived), slate.best(), slate.reads(), slate.skipped());
    }

    /**
     * The best slate read of a clip so far: all three fields at {@link SlateRead#COMPARE_CONFIDENCE} end the search;
     * otherwise the read with the most fields, then the highest confidence, is kept. Empty when nothing slate-like
     * was read. A candidate that is the same picture ({@link SlateThumb#sameAsAny}) as one already read without
     * finding anything is not read again (a locked-off shot's head candidates). Used from the slate thread, then
     * (after it ended) from the caller's.
     */
    static final class SlateSearch {
        private final Perception perception;
        private final List<SlateThumb> blanks = new ArrayList<>();
        private volatile SlateRead best;
        private volatile boolean done;
        private volatile int reads;
        private volatile int skipped;

        SlateSearch(Perception perception) {
            this.perception = perception;
        }

        boolean done() {
            return done;
        }

        void read(SlateFrames.Candidate c) {
            if (done) {
                return;
            }
            SlateThumb thumb = SlateThumb.of(c.frame(), SlateThumb.GRID);
            if (thumb.sameAsAny(blanks)) {
                skipped++;
                return;
            }
            var text = perception.slates().read(c.frame());
            reads++;
            if (text.fields() == 0) {
                blanks.add(thumb);
            }
            if (text.fields() > 0 && (best == null || text.rank() > best.text().rank())) {
                best = new SlateRead(text, c.index(), c.frame().ptsMicros(), c.tail(), c.frame());
                done = text.fields() == 3 && text.confidence() >= SlateRead.COMPARE_CONFIDENCE;
            }
        }

        Optional<SlateRead> best() {
            return Optional.ofNullable(best);
        }

        int reads() {
            return reads;
        }

        int skipped() {
            return skipped;
        }
    }

    /**
     * A helper thread that takes work from {@code queue} until {@code end} arrives; the first failure is kept in
     * {@code failure[0]} and the queue is drained so the decoding thread never blocks on it.
     */
    private static <T> Thread worker(String name, BlockingQueue<T> queue, T end, Throwable[] failure,
                                     java.util.function.Consumer<T> work) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                for (T item = queue.take(); item != end; item = queue.take()) {
                    work.accept(item);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = e;
                    }
                }
                queue.clear();
            }
        });
    }

    /**
     * Ends a helper thread and waits for it whatever happens, so that no model or decoder is still in use when the
     * caller returns (closing ONNX Runtime sessions under a running inference crashes the JVM). Returns whether the
     * calling thread had been interrupted.
     */
    private static <T> boolean stopAndJoin(Thread helper, BlockingQueue<T> queue, T end) {
        boolean interrupted = Thread.interrupted();
        try {
            if (interrupted || !queue.offer(end, 5, java.util.concurrent.TimeUnit.SECONDS)) {
                queue.clear();
                helper.interrupt();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            queue.clear();
            helper.interrupt();
        }
        while (helper.isAlive()) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** Keeps one frame per second; when full, drops every second kept frame and doubles the spacing. */
    private static void keep(List<KeptFrame> kept, long index, Frame frame, FrameSource.Info info) {
        long every = Math.max(1, Math.round(info.frameRate().toDouble()));
        while (kept.size() >= KEEP) {
            List<KeptFrame> thin = new ArrayList<>();
            for (int i = 0; i < kept.size(); i += 2) {
                thin.add(kept.get(i));
            }
            kept.clear();
            kept.addAll(thin);
        }
        long spacing = every;
        if (kept.size() >= 2) {
            spacing = Math.max(every, kept.get(1).index() - kept.get(0).index());
        }
        if (kept.isEmpty() || index - kept.getLast().index() >= spacing) {
            kept.add(new KeptFrame(index, frame));
        }
    }
}
