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
import java.util.List;
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
            System.out.printf(Locale.ROOT, "%-26s %-26s %8s %8s %8s %10s %9s %9s %10s%n", "clip", "stage", "frames",
                    "fps", "x floor", "x realtime", "cpu ms/f", "cpu x fl", "peak RSS");
            for (Path clip : List.of(h264, prores, crowd)) {
                long[] floorFrames = new long[1];
                double[] floorCpu = new double[1];
                double floor = ffmpegFloor(clip, floorFrames, floorCpu);
                fc = floorCpu[0];
                c0 = 0;
                row(clip, "ffmpeg -f null (floor)", floorFrames[0], floor, floor, "ffmpeg's own");
                c0 = cpu();
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
                double decode = o.frames() / seconds(t0);
                row(clip, "frame source (luma+colour)", o.frames(), decode, floor, rss());
                c0 = cpu();
                t0 = System.nanoTime();
                ClipAnalysis.Result qc = ClipAnalysis.run(clip, FrameSource.Options.defaults(), null, 0, n -> { });
                row(clip, "decode + QC", qc.outcome().frames(), qc.outcome().frames() / seconds(t0), floor, rss());
                c0 = cpu();
                t0 = System.nanoTime();
                ClipAnalysis.Result all = ClipAnalysis.run(clip, FrameSource.Options.defaults(), perception, 2.0,
                        n -> { });
                row(clip, "decode + QC + perception", all.outcome().frames(), all.outcome().frames() / seconds(t0),
                        floor, rss() + " (" + all.perception().frames() + " perceived, " + all.slateReads() + " slate reads)");
            }
        } finally {
            if (perception != null) {
                perception.close();
            }
        }
    }

    /** The floor's CPU ms per frame, and the JVM's process CPU time at the start of the stage (0: the floor row). */
    private static double fc;
    private static long c0;

    private static void row(Path clip, String stage, long frames, double fps, double floor, String rss) {
        double ms = c0 == 0 ? fc : c0 < 0 ? Double.NaN : (cpu() - c0) / 1e6 / frames;
        System.out.printf(Locale.ROOT, "%-26s %-26s %8d %8.1f %8.2f %10.2f %9.2f %9.2f %10s%n", clip.getFileName(),
                stage, frames, fps, fps / floor, fps / 24.0, ms, fc / ms, rss);
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
