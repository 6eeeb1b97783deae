package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.BenchFrames;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FaceDetector;
import io.setkeeper.appliance.analysis.perception.ObjectDetector;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Evidence for not gating the face detector on YOLOX (docs/analysis.md): close-ups cut from the asl frames (a frame
 * k face-heights tall around the first face, 16:9, scaled to 480x270): the face found, and YOLOX's best person score.
 */
public final class CloseUpProbe {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), data.resolve("models"));
        InferenceEngine engine = new InferenceEngine(registry, InferenceConfig.cpu(1));
        List<Path> clips;
        try (Stream<Path> s = Files.list(data.resolve("footage/asl"))) {
            clips = s.sorted().toList();
        }
        try (ModelSession det = engine.open(PerceptionModels.FACE_DETECTOR);
             ModelSession yolo = engine.open(PerceptionModels.OBJECTS)) {
            FaceDetector fd = new FaceDetector(det);
            ObjectDetector od = new ObjectDetector(yolo, 0.01f, 0.45f);
            for (double k : new double[] {1.2, 1.6, 2.2, 3.0}) {
                int n = 0, faces = 0;
                double minPerson = 1;
                StringBuilder sb = new StringBuilder();
                for (Path clip : clips) {
                    for (Frame f : BenchFrames.sample(clip, 2, 6)) {
                        List<Box> boxes = fd.detect(f);
                        if (boxes.isEmpty()) {
                            continue;
                        }
                        Box b = boxes.getFirst();
                        double h = b.height() * k, w = h * 16 / 9;
                        Frame crop = crop(f, b.centerX() - w / 2, b.centerY() - h / 2, w, h, 480, 270);
                        double p = od.detect(crop).stream().filter(Detection::isPerson).mapToDouble(d -> d.box().score())
                                .max().orElse(0);
                        n++;
                        faces += fd.detect(crop).isEmpty() ? 0 : 1;
                        minPerson = Math.min(minPerson, p);
                        sb.append(String.format(" %.2f", p));
                    }
                }
                System.out.printf("face height x%.1f of frame height 1/%.1f: %d crops, face found in %d, min person score %.2f:%s%n",
                        k, k, n, faces, minPerson, sb);
            }
        }
    }

    /** Nearest-neighbour crop (outside = black) to an outW x outH frame. */
    static Frame crop(Frame f, double x, double y, double w, double h, int outW, int outH) {
        byte[] out = new byte[outW * outH * 3];
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                int sx = (int) (x + (u + 0.5) * w / outW), sy = (int) (y + (v + 0.5) * h / outH);
                if (sx < 0 || sy < 0 || sx >= f.width() || sy >= f.height()) {
                    continue;
                }
                System.arraycopy(f.bgr(), (sy * f.width() + sx) * 3, out, (v * outW + u) * 3, 3);
            }
        }
        return new Frame(outW, outH, out, f.ptsMicros());
    }
}
