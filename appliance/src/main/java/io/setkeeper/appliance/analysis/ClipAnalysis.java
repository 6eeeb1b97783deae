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
 * Analyses one clip: decodes it once ({@link FrameSource}) on the calling thread, measures every frame on a QC
 * thread, runs perception on frames sampled at {@code perceptionFps} on a third thread, and keeps up to
 * {@link #KEEP} evenly spread frames for stills and evidence. Bounded queues between the threads keep memory flat.
 */
public final class ClipAnalysis {
    /** Frames kept (one per second at most, thinned evenly) for the contact sheet and evidence stills. */
    public static final int KEEP = 24;

    /** Everything one run produced. */
    public record Result(FrameSource.Outcome outcome, Optional<FrameSource.Info> info, Optional<ClipQc> qc,
                         PerceptionSummary perception, List<KeptFrame> kept, List<Perceived> perceived,
                         Optional<SlateRead> slate) {
    }

    /** A sampled frame and what perception saw in it: what the production model learns from. */
    public record Perceived(Frame frame, io.setkeeper.appliance.analysis.perception.FramePerception seen) {
    }

    /** Perceived frames kept per clip for the production model (at 2 fps: the first 24 s of a take). */
    public static final int KEEP_PERCEIVED = 48;

    /** A frame kept for stills, with its index. */
    public record KeptFrame(long index, Frame frame) {
    }

    private static final Frame END = new Frame(1, 1, new byte[3], Long.MIN_VALUE);

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
        BlockingQueue<Frame> qcQueue = new ArrayBlockingQueue<>(8);
        BlockingQueue<Frame> perceptionQueue = new ArrayBlockingQueue<>(2);
        PerceptionSummary summary = new PerceptionSummary();
        FrameSource.Info[] info = new FrameSource.Info[1];
        QcAnalyzer[] qc = new QcAnalyzer[1];
        List<KeptFrame> kept = new ArrayList<>();
        List<Perceived> perceived = java.util.Collections.synchronizedList(new ArrayList<>());
        Throwable[] failure = new Throwable[1];
        long[] nextSample = {0};
        SlateFrames slateFrames = SlateFrames.defaults();
        Thread qcThread = Thread.ofPlatform().name("analysis-qc").start(() -> {
            try {
                long i = 0;
                for (Frame f = qcQueue.take(); f != END; f = qcQueue.take()) {
                    qc[0].accept(f, i++);
                    if (i % 24 == 0) {
                        progress.accept(i);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure[0] = e;
                qcQueue.clear();
            }
        });
        Thread perceptionThread = Thread.ofPlatform().name("analysis-perception").start(() -> {
            try {
                for (Frame f = perceptionQueue.take(); f != END; f = perceptionQueue.take()) {
                    var seen = perception.perceive(f);
                    summary.add(seen);
                    if (perceived.size() < KEEP_PERCEIVED) {
                        perceived.add(new Perceived(f, seen));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure[0] = e;
                perceptionQueue.clear();
            }
        });
        FrameSource.Outcome outcome;
        try {
            outcome = FrameSource.decode(file, options, new FrameSource.Sink() {
                @Override
                public void start(FrameSource.Info i) {
                    info[0] = i;
                    qc[0] = new QcAnalyzer(i.frameRate().toDouble());
                }

                @Override
                public void frame(Frame frame, long index) {
                    try {
                        if (failure[0] == null) {
                            qcQueue.put(frame);
                        }
                        if (perception != null && perceptionFps > 0 && frame.ptsMicros() >= nextSample[0]
                                && failure[0] == null) {
                            perceptionQueue.put(frame);
                            nextSample[0] = frame.ptsMicros() + Math.round(1e6 / perceptionFps);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("analysis interrupted", e);
                    }
                    keep(kept, index, frame, info[0]);
                    if (perception != null && perceptionFps > 0) {
                        slateFrames.offer(frame, index);
                    }
                }
            });
        } finally {
            boolean interrupted = stopAndJoin(qcThread, qcQueue) | stopAndJoin(perceptionThread, perceptionQueue);
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new InterruptedException("analysis stopped");
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("analysis failed: " + failure[0], failure[0]);
        }
        ClipQc result = qc[0] == null || outcome.frames() == 0 ? null : qc[0].finish();
        Optional<SlateRead> slate = perception == null || perceptionFps <= 0 ? Optional.empty()
                : readSlate(perception, slateFrames.candidates());
        return new Result(outcome, Optional.ofNullable(info[0]), Optional.ofNullable(result), summary, List.copyOf(kept),
                List.copyOf(perceived), slate);
    }

    /**
     * Reads the slate candidates (head first, then the tail from the end) and keeps the best read: all three fields
     * stop the search; otherwise the read with the most fields, then the highest confidence. Empty when nothing
     * slate-like was read.
     */
    static Optional<SlateRead> readSlate(Perception perception, List<SlateFrames.Candidate> candidates) {
        SlateRead best = null;
        for (SlateFrames.Candidate c : candidates) {
            var text = perception.slates().read(c.frame());
            if (text.fields() > 0 && (best == null || text.rank() > best.text().rank())) {
                best = new SlateRead(text, c.index(), c.frame().ptsMicros(), c.tail(), c.frame());
                if (text.fields() == 3 && text.confidence() >= SlateRead.COMPARE_CONFIDENCE) {
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Ends a helper thread and waits for it whatever happens, so that no model or decoder is still in use when the
     * caller returns (closing ONNX Runtime sessions under a running inference crashes the JVM). Returns whether the
     * calling thread had been interrupted.
     */
    private static boolean stopAndJoin(Thread helper, BlockingQueue<Frame> queue) {
        boolean interrupted = Thread.interrupted();
        try {
            if (interrupted || !queue.offer(END, 5, java.util.concurrent.TimeUnit.SECONDS)) {
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
