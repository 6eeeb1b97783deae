package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.analysis.ClipAnalysis;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.media.FrameSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analysis speed against the decode floor measured in the same run: a 1080p H.264 and a 1080p ProRes 422 clip are
 * generated from real footage ({@code footage/gopro/karma.mp4} scaled to 1920x1080, 24 fps, 10 s) with the system
 * ffmpeg, plus a 1080p H.264 clip with people in every frame ({@code footage/opencv/vtest.avi}, the crowd wide, for
 * perception's load on a set); then per clip: {@code ffmpeg -benchmark -i clip -f null -} (the floor), our frame source alone, decode +
 * per-frame QC, decode + QC + perception at 2 fps. Prints fps, ratio to the floor, real-time factor at 24 fps and the
 * JVM's peak RSS (VmHWM) after each stage, and the CPU time per frame (ffmpeg's utime + stime; the JVM's process CPU
 * time) with its ratio to the floor's: on a shared, loaded machine the wall-clock ratios move by tens of percent
 * between runs while the CPU cost per frame is what the stages themselves spend. Native libraries, the JIT (two
 * untimed full analyses of the crowd clip) and the model sessions are warmed up
 * outside the timed stages.
 * Run: {@code mvn -q -o -pl appliance -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.setkeeper.appliance.bench.AnalysisBenchmark -Dexec.args="/tmp/analysis-bench"} with
 * {@code SETKEEPER_DATA} set.
 */
public final class AnalysisBenchmark {
    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getenv("SETKEEPER_DATA"));
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/setkeeper-analysis-bench");
        Files.createDirectories(work);
        Path source = data.resolve("footage/gopro/karma.mp4");
        Path h264 = generate(source, work.resolve("karma_1080p_h264.mp4"), "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "18", "-pix_fmt", "yuv420p");
        Path prores = generate(source, work.resolve("karma_1080p_prores.mov"), "-c:v", "prores_ks", "-profile:v", "2",
                "-pix_fmt", "yuv422p10le");
        // people in every frame (perception's real load on a set): the locked-off crowd wide, pillarboxed to 1080p
        Path crowd = filtered(data.resolve("footage/opencv/vtest.avi"), work.resolve("crowd_1080p_h264.mp4"),
                "scale=1440:1080,pad=1920:1080:240:0,fps=24", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                "-pix_fmt", "yuv420p");
        System.out.println("clips ready: " + h264 + ", " + prores + ", " + crowd);
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), data.resolve("models"));
        Perception perception = null;
        io.setkeeper.appliance.media.MediaProbe.warmUp(); // native libraries load once (~2 s), not part of any stage
        var defaults = io.setkeeper.appliance.config.ApplianceConfig.Inference.DEFAULT; // as the appliance runs
        perception = Perception.open(new InferenceEngine(registry, InferenceConfig.cpu(defaults.intraOpThreads())));
        // steady state, as on a box that has analysed clips all day: two untimed runs through every code path
        // (decoder, scaler, QC kernels, perception, slate reader) let the JIT compile them before any timed stage
        for (int i = 0; i < 2; i++) {
            ClipAnalysis.run(crowd, FrameSource.Options.defaults(), perception, 2.0, n -> { });
        }
        try {
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) { // rounds interleave the clips, so a busy moment hits all
                for (Path clip : List.of(h264, prores, crowd)) {
                    long[] floorFrames = new long[1];
                    double[] floorCpu = new double[1];
                    double floor = ffmpegFloor(clip, floorFrames, floorCpu);
                    Sample base = new Sample(floorFrames[0], floor, floorCpu[0], floor, floorCpu[0], "ffmpeg's own");
                    add(samples, clip, "ffmpeg -f null (floor)", base);
                    long c0 = cpu();
                    long t0 = System.nanoTime();
                    long[] nextColour = {0};
                    FrameSource.Outcome o = FrameSource.decode(clip, FrameSource.Options.defaults(), new FrameSource.Sink() {
                        @Override
                        public void start(FrameSource.Info info) {
                        }

                        @Override
                        public FrameSource.Want want(long index, long pts) { // as the analysis asks: colour 4 times a second
                            return pts >= nextColour[0] ? FrameSource.Want.COLOUR : FrameSource.Want.LUMA;
                        }

                        @Override
                        public void frame(io.setkeeper.appliance.analysis.Decoded decoded, long index) {
                            if (decoded.hasColour()) {
                                nextColour[0] = decoded.ptsMicros() + Math.round(1e6 / ClipAnalysis.COLOUR_FPS);
                            }
                        }
                    });
                    add(samples, clip, "frame source (luma+colour)", base.stage(o.frames(), t0, c0, rss()));
                    c0 = cpu();
                    t0 = System.nanoTime();
                    ClipAnalysis.Result qc = ClipAnalysis.run(clip, FrameSource.Options.defaults(), null, 0, n -> { });
                    add(samples, clip, "decode + QC", base.stage(qc.outcome().frames(), t0, c0, rss()));
                    c0 = cpu();
                    t0 = System.nanoTime();
                    ClipAnalysis.Result all = ClipAnalysis.run(clip, FrameSource.Options.defaults(), perception, 2.0,
                            n -> { });
                    add(samples, clip, "decode + QC + perception", base.stage(all.outcome().frames(), t0, c0, rss()
                            + " (" + all.perception().frames() + " perceived, " + all.slateReads() + " slate reads, "
                            + all.slateSkipped() + " skipped)"));
                }
            }
            System.out.printf(Locale.ROOT, "median of %d rounds; x floor as min-max over the rounds%n", ROUNDS);
            System.out.printf(Locale.ROOT, "%-26s %-26s %6s %7s %8s %11s %10s %8s %8s  %s%n", "clip", "stage",
                    "frames", "fps", "x floor", "(min-max)", "x realtime", "cpu ms/f", "cpu x fl", "peak RSS");
            samples.forEach((key, list) -> {
                double[] ratio = list.stream().mapToDouble(x -> x.fps() / x.floorFps()).sorted().toArray();
                System.out.printf(Locale.ROOT, "%-53s %6d %7.1f %8.2f %11s %10.2f %8.2f %8.2f  %s%n", key,
                        list.getLast().frames(), median(list, Sample::fps), median(ratio),
                        String.format(Locale.ROOT, "%.2f-%.2f", ratio[0], ratio[ratio.length - 1]),
                        median(list, Sample::fps) / 24.0, median(list, Sample::cpuMs),
                        median(list.stream().mapToDouble(x -> x.floorCpu() / x.cpuMs()).sorted().toArray()),
                        list.getLast().note());
            });
        } finally {
            if (perception != null) {
                perception.close();
            }
        }
    }

    /** Rounds of every stage on every clip; the table shows medians. */
    private static final int ROUNDS = 3;

    /** One timed stage: frames, wall fps, CPU ms per frame, and the floor measured just before on the same clip. */
    private record Sample(long frames, double fps, double cpuMs, double floorFps, double floorCpu, String note) {
        Sample stage(long n, long t0, long c0, String what) {
            return new Sample(n, n / seconds(t0), (cpu() - c0) / 1e6 / n, floorFps, floorCpu, what);
        }
    }

    private static void add(Map<String, List<Sample>> samples, Path clip, String stage, Sample s) {
        samples.computeIfAbsent(String.format(Locale.ROOT, "%-26s %-26s", clip.getFileName(), stage),
                k -> new java.util.ArrayList<>()).add(s);
    }

    private static double median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> f) {
        return median(list.stream().mapToDouble(f).sorted().toArray());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim().replace(" kB", "") .transform(k -> (Long.parseLong(k) / 1024) + " MiB");
            }
        }
        return "?";
    }

    private static Path generate(Path source, Path target, String... codec) throws Exception {
        return filtered(source, target, "scale=1920:1080,fps=24", codec);
    }

    private static Path filtered(Path source, Path target, String filter, String... codec) throws Exception {
        if (Files.exists(target)) {
            return target;
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-i",
                source.toString(), "-t", "10", "-vf", filter, "-an"));
        cmd.addAll(List.of(codec));
        cmd.add(target.toString());
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg could not generate " + target);
        }
        return target;
    }

    /** Decode-only fps of the system ffmpeg: frames from its last progress line over its real time. */
    private static double ffmpegFloor(Path clip, long[] frames, double[] cpuMsPerFrame) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-benchmark", "-i", clip.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher f = Pattern.compile("frame=\\s*(\\d+)").matcher(out);
        long n = 0;
        while (f.find()) {
            n = Long.parseLong(f.group(1));
        }
        Matcher r = Pattern.compile("rtime=([0-9.]+)s").matcher(out);
        if (!r.find() || n == 0) {
            throw new IOException("no benchmark line from ffmpeg:\n" + out);
        }
        frames[0] = n;
        Matcher u = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s").matcher(out);
        cpuMsPerFrame[0] = u.find() ? (Double.parseDouble(u.group(1)) + Double.parseDouble(u.group(2))) * 1000 / n
                : Double.NaN;
        return n / Double.parseDouble(r.group(1));
    }
}
