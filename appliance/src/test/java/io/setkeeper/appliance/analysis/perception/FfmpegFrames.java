package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only frame source: the system {@code ffmpeg} decodes real clips to raw BGR24 (the production path is the
 * media package's JavaCV frame source, which perception must not depend on).
 */
final class FfmpegFrames {
    private FfmpegFrames() {
    }

    /** Width and height of the first video stream. */
    static int[] size(Path clip) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=width,height", "-of", "csv=p=0", clip.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException("ffprobe failed on " + clip + ": " + out);
        }
        String[] wh = out.split("\\R")[0].split(",");
        return new int[] {Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim())};
    }

    /** Frames sampled at {@code fps} (0 = every frame), at most {@code max}. */
    static List<Frame> sample(Path clip, double fps, int max) throws IOException, InterruptedException {
        return sample(clip, fps, max, 0);
    }

    /**
     * Frames sampled at {@code fps} (0 = every frame), at most {@code max}, scaled as the pipeline's analysis
     * frames are (longer side {@code maxSide}, never up, even sizes; 0 = source size).
     */
    static List<Frame> sample(Path clip, double fps, int max, int maxSide) throws IOException, InterruptedException {
        int[] wh = size(clip);
        List<String> filters = new ArrayList<>();
        if (fps > 0) {
            filters.add("fps=" + fps);
        }
        if (maxSide > 0) {
            double scale = Math.min(1.0, (double) maxSide / Math.max(wh[0], wh[1]));
            wh = new int[] {Math.max(2, (int) Math.round(wh[0] * scale / 2) * 2),
                    Math.max(2, (int) Math.round(wh[1] * scale / 2) * 2)};
            filters.add("scale=" + wh[0] + ":" + wh[1] + ":flags=bilinear");
        }
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", clip.toString()));
        if (!filters.isEmpty()) {
            cmd.addAll(List.of("-vf", String.join(",", filters)));
        }
        cmd.addAll(List.of("-frames:v", Integer.toString(max), "-f", "rawvideo", "-pix_fmt", "bgr24", "-"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Frame> frames = new ArrayList<>();
        int size = wh[0] * wh[1] * 3;
        long step = fps > 0 ? Math.round(1e6 / fps) : 0;
        try (InputStream in = p.getInputStream()) {
            while (true) {
                byte[] buf = in.readNBytes(size);
                if (buf.length < size) {
                    break;
                }
                frames.add(new Frame(wh[0], wh[1], buf, frames.size() * step));
            }
        }
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed decoding " + clip);
        }
        return frames;
    }
}
