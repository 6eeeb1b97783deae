package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.SlateThumb;
import io.setkeeper.appliance.analysis.SlateFrames;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.TestPerception;
import io.setkeeper.appliance.media.FrameSource;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU cost of a slate read on the frames ClipAnalysis reads when a clip has no slate: the head and tail candidates
 * (detail frames) of real footage clips. Prints, per clip and overall, process CPU ms per read, and the same for the
 * text detector alone (the floor a read cannot go under) in the same run.
 * Run: java @args io.setkeeper.appliance.analysis.perception.slate.SlateCostBench [rounds]
 * With {@code search} as second argument: the slate search per clip on every clip of the footage, each candidate
 * read (before) and with the skip of candidates that are the same picture as one that read nothing (after,
 * {@link SlateThumb#sameAsAny}, its thumbnails' cost included), interleaved, process CPU medians over the rounds.
 */
public final class SlateCostBench {
    static final String[] CLIPS = {"footage/h264/VID_1920x1080_cabac_temporal_direct.264",
            "footage/phone/sowt-with-video.mov", "footage/phone/pixel7_videoOnly_cleaned.mp4",
            "footage/phone/sample_no_bframes.mp4", "footage/gopro/karma.mp4", "footage/opencv/vtest.avi",
            "footage/asl/please.mkv", "footage/h264/Zhling_1280x720.264"};

    public static void main(String[] args) throws java.io.IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        if (args.length > 1 && args[1].equals("search")) {
            searchCost(rounds);
            return;
        }
        List<List<Frame>> clips = new ArrayList<>();
        for (String c : CLIPS) {
            clips.add(candidates(TestData.file(c)));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Perception p = TestPerception.open()) {
            SlateReader r = p.slates();
            r.read(clips.getFirst().getFirst()); // warm up
            long detect = 0, read = 0;
            int n = 0, fields = 0;
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < clips.size(); c++) {
                    long cd = 0, cr = 0;
                    int regions = 0;
                    for (Frame f : clips.get(c)) {
                        long t0 = os.getProcessCpuTime();
                        regions += r.detector().detect(f).size();
                        long t1 = os.getProcessCpuTime();
                        SlateText t = r.read(f);
                        long t2 = os.getProcessCpuTime();
                        cd += t1 - t0;
                        cr += t2 - t1;
                        fields += t.fields();
                        if (round == 0 && t.fields() > 0) {
                            System.out.println("    read something: " + t);
                        }
                    }
                    int k = clips.get(c).size();
                    if (round == rounds - 1) {
                        System.out.printf("  %-55s %dx%d %d frames, %4.1f regions/frame: detect %4.0f ms, read %4.0f ms%n",
                                CLIPS[c], clips.get(c).getFirst().width(), clips.get(c).getFirst().height(), k,
                                (double) regions / k, cd / 1e6 / k, cr / 1e6 / k);
                    }
                    detect += cd;
                    read += cr;
                    n += k;
                }
            }
            long tm = 0, tr = 0, ts = 0;
            for (List<Frame> clip : clips) {
                for (Frame f : clip) {
                    long t0 = os.getProcessCpuTime();
                    int[] in = TextDetector.inputSize(f.width(), f.height(), 960);
                    io.setkeeper.appliance.analysis.perception.Sampler.sample(f,
                            io.setkeeper.appliance.analysis.perception.Affine.cropResize(0, 0, f.width(), f.height(), in[0], in[1]),
                            in[0], in[1], io.setkeeper.appliance.analysis.perception.PixelSpec.planar(
                                    io.setkeeper.appliance.analysis.perception.PixelSpec.Channels.BGR, 127.5f, 127.5f, 127.5f));
                    long t1 = os.getProcessCpuTime();
                    var m = r.detector().map(f);
                    long t2 = os.getProcessCpuTime();
                    m.regions(r.detector().settings());
                    long t3 = os.getProcessCpuTime();
                    ts += t1 - t0;
                    tm += t2 - t1;
                    tr += t3 - t2;
                }
            }
            System.out.printf("detector split per frame: sampling %.1f ms, sampling+model %.1f ms, regions from map %.1f ms%n",
                    ts / 1e6 / (n / rounds), tm / 1e6 / (n / rounds), tr / 1e6 / (n / rounds));
            long sd = 0, sr = 0;
            int sn = 0, exact = 0;
            for (SlateDetailDataTest.Board b : SlateDetailDataTest.boards()) {
                Frame bg = clips.get(java.util.Arrays.asList(CLIPS).indexOf(b.clip())).getFirst();
                Frame f = SlateRenderer.draw(bg, b.layout(), b.scene(), b.take(), b.roll(), b.size(), b.angle(), b.cx(), b.cy());
                long t0 = os.getProcessCpuTime();
                r.detector().detect(f);
                long t1 = os.getProcessCpuTime();
                SlateText t = r.read(f);
                long t2 = os.getProcessCpuTime();
                sd += t1 - t0;
                sr += t2 - t1;
                sn++;
                exact += b.exact(t) ? 1 : 0;
            }
            System.out.printf("slate frames (boards drawn into 960 px detail frames): %d reads (%d exact), CPU per read "
                    + "%.0f ms, detector alone %.0f ms (ratio %.2f)%n", sn, exact, sr / 1e6 / sn, sd / 1e6 / sn, (double) sr / sd);
            System.out.printf("no-slate frames: %d reads, CPU per read %.0f ms, detector alone %.0f ms (ratio %.2f), "
                    + "fields read %d%n", n, read / 1e6 / n, detect / 1e6 / n, (double) read / detect, fields);
        }
    }

    /** Slate search CPU per clip on every footage clip, every candidate read vs the same-picture skip. */
    static void searchCost(int rounds) throws java.io.IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<java.nio.file.Path> files;
        try (var s = java.nio.file.Files.walk(TestData.file("footage"))) {
            files = s.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        try (Perception p = TestPerception.open()) {
            SlateReader r = p.slates();
            double before = 0, after = 0;
            int n = 0, read = 0;
            for (java.nio.file.Path file : files) {
                List<Frame> cands;
                try {
                    cands = candidates(file);
                } catch (RuntimeException e) {
                    continue; // no video (a header-only MXF)
                }
                if (cands.isEmpty()) {
                    continue;
                }
                r.read(cands.getFirst()); // warm up
                long[] all = new long[rounds], skip = new long[rounds];
                int reads = 0;
                for (int round = 0; round < rounds; round++) {
                    long t0 = os.getProcessCpuTime();
                    cands.forEach(r::read);
                    long t1 = os.getProcessCpuTime();
                    List<SlateThumb> blanks = new ArrayList<>();
                    reads = 0;
                    for (Frame f : cands) {
                        SlateThumb t = SlateThumb.of(f, SlateThumb.GRID);
                        if (!t.sameAsAny(blanks)) {
                            reads++;
                            if (r.read(f).fields() == 0) {
                                blanks.add(t);
                            }
                        }
                    }
                    long t2 = os.getProcessCpuTime();
                    all[round] = t1 - t0;
                    skip[round] = t2 - t1;
                }
                java.util.Arrays.sort(all);
                java.util.Arrays.sort(skip);
                double b = all[rounds / 2] / 1e6, a = skip[rounds / 2] / 1e6;
                System.out.printf("  %-50s %dx%d %d candidates: %d read, %d skipped; CPU %5.0f -> %5.0f ms%n",
                        TestData.file("footage").relativize(file), cands.getFirst().width(), cands.getFirst().height(),
                        cands.size(), reads, cands.size() - reads, b, a);
                before += b;
                after += a;
                n += cands.size();
                read += reads;
            }
            System.out.printf("footage: %d candidates, %d read, %d skipped; slate search CPU %.0f -> %.0f ms (%.1f %%)%n",
                    n, read, n - read, before, after, 100 * (after - before) / before);
        }
    }

    /** The head and tail slate candidates of a clip, in detail colour, as ClipAnalysis takes them. */
    static List<Frame> candidates(java.nio.file.Path clip) {
        List<Frame> out = new ArrayList<>();
        SlateFrames[] sf = new SlateFrames[1];
        FrameSource.decode(clip, FrameSource.Options.defaults(), new FrameSource.Sink() {
            @Override
            public void start(FrameSource.Info info) {
                sf[0] = SlateFrames.forClip(info.durationMicros());
            }

            @Override
            public FrameSource.Want want(long index, long pts) {
                return sf[0].wants(pts) ? FrameSource.Want.DETAIL : FrameSource.Want.LUMA;
            }

            @Override
            public void frame(io.setkeeper.appliance.analysis.Decoded d, long index) {
                if (d.detail() != null) {
                    sf[0].offer(d.detail(), index).ifPresent(c -> out.add(c.frame()));
                }
            }
        });
        sf[0].pendingTail().forEach(c -> out.add(c.frame()));
        return out;
    }
}
