package io.setkeeper.appliance.media.bench;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;

import io.setkeeper.appliance.media.MediaProbe;
import io.setkeeper.appliance.media.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Probe speed against the floor measured in the same run on the same files: a bare libavformat
 * {@code avformat_open_input + avformat_find_stream_info + avformat_close_input}, which is what any probe must do.
 * Our extras (frame counting where the container has no count, the truncation tail read, tags) are the ratio.
 * Run: {@code mvn -q -pl appliance -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.setkeeper.appliance.media.bench.ProbeBenchmark -Dexec.args="$SETKEEPER_DATA/footage 5"}
 */
public final class ProbeBenchmark {
    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : System.getenv("SETKEEPER_DATA") + "/footage");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        MediaProbe.warmUp();
        floor(files); // warm caches and natives for both
        ours(files);
        long floorNs = Long.MAX_VALUE;
        long oursNs = Long.MAX_VALUE;
        int probed = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            floor(files);
            long t1 = System.nanoTime();
            probed = ours(files);
            long t2 = System.nanoTime();
            floorNs = Math.min(floorNs, t1 - t0);
            oursNs = Math.min(oursNs, t2 - t1);
        }
        System.out.printf("files %d (probed %d), best of %d rounds%n", files.size(), probed, rounds);
        System.out.printf("floor  avformat open+find_stream_info+close: %8.1f ms  (%.2f ms/file)%n",
                floorNs / 1e6, floorNs / 1e6 / files.size());
        System.out.printf("MediaProbe.probe:                         %8.1f ms  (%.2f ms/file)%n",
                oursNs / 1e6, oursNs / 1e6 / files.size());
        System.out.printf("ratio ours/floor: %.2f%n", (double) oursNs / floorNs);
    }

    private static void floor(List<Path> files) {
        for (Path f : files) {
            AVFormatContext ctx = new AVFormatContext(null);
            if (avformat_open_input(ctx, f.toString(), null, null) >= 0) {
                avformat_find_stream_info(ctx, (PointerPointer<?>) null);
                avformat_close_input(ctx);
            }
        }
    }

    private static int ours(List<Path> files) {
        int ok = 0;
        for (Path f : files) {
            if (MediaProbe.probe(f) instanceof ProbeResult.Probed) {
                ok++;
            }
        }
        return ok;
    }
}
