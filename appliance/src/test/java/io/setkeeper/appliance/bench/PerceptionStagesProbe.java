package io.setkeeper.appliance.bench;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.BenchFrames;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.Face;
import io.setkeeper.appliance.analysis.perception.FaceDetector;
import io.setkeeper.appliance.analysis.perception.FaceEmbedder;
import io.setkeeper.appliance.analysis.perception.FaceLandmarker;
import io.setkeeper.appliance.analysis.perception.HeadPose;
import io.setkeeper.appliance.analysis.perception.HeadPoseEstimator;
import io.setkeeper.appliance.analysis.perception.ObjectDetector;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import io.setkeeper.appliance.analysis.perception.PersonSegmenter;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Evidence for the cascade (docs/analysis.md): per clip of the footage, consecutive 2 fps analysis frames, the process
 * CPU ms of each model (coarse: the OS clock ticks 10 ms, read the ALL row) and per frame the best YOLOX person score
 * down to 0.05, the DeepLab mask coverage and the face count, plus for each face the IoU, embedding cosine and yaw
 * change to the best-overlapping face of the previous frame. Args: data dir, intra-op threads, frames per clip,
 * optional path filter.
 */
public final class PerceptionStagesProbe {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int max = Integer.parseInt(args[2]);
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), data.resolve("models"));
        InferenceEngine engine = new InferenceEngine(registry, InferenceConfig.cpu(threads));
        List<Path> clips;
        try (Stream<Path> s = Files.walk(data.resolve("footage"))) {
            clips = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
        }
        if (args.length > 3) {
            clips = clips.stream().filter(p -> p.toString().contains(args[3])).toList();
        }
        try (ModelSession det = engine.open(PerceptionModels.FACE_DETECTOR);
             ModelSession lm = engine.open(PerceptionModels.FACE_LANDMARKS);
             ModelSession pose = engine.open(PerceptionModels.HEAD_POSE);
             ModelSession emb = engine.open(PerceptionModels.FACE_EMBEDDING);
             ModelSession yolo = engine.open(PerceptionModels.OBJECTS);
             ModelSession seg = engine.open(PerceptionModels.PERSON_MASK)) {
            FaceDetector fd = new FaceDetector(det);
            FaceLandmarker fl = new FaceLandmarker(lm);
            HeadPoseEstimator hp = new HeadPoseEstimator(pose);
            FaceEmbedder fe = new FaceEmbedder(emb);
            ObjectDetector od = new ObjectDetector(yolo, 0.05f, 0.45f);
            PersonSegmenter ps = new PersonSegmenter(seg);
            double[] tot = new double[7];
            int totFrames = 0, totFaces = 0;
            System.out.printf("%-45s %4s %5s %6s %6s %6s %6s %6s %6s %6s | %s%n", "clip", "n", "faces", "yolo", "deeplab", "facedet",
                    "lm", "pose", "emb", "prep?", "maxPersonScore/maskCov/faces per frame; prevIoU:cos:dyaw");
            for (Path clip : clips) {
                List<Frame> frames;
                try {
                    frames = BenchFrames.analysisFrames(clip, 2, max, 480);
                } catch (Exception e) {
                    System.out.println(clip + " skipped: " + e.getMessage());
                    continue;
                }
                for (int w = 0; w < 2 && !frames.isEmpty(); w++) {
                    od.detect(frames.get(0));
                    ps.segment(frames.get(0));
                }
                double[] t = new double[7];
                int faces = 0;
                StringBuilder sb = new StringBuilder();
                List<Face> prev = List.of();
                for (Frame f : frames) {
                    long c0 = OS.getProcessCpuTime();
                    List<Detection> objs = od.detect(f);
                    long c1 = OS.getProcessCpuTime();
                    PersonMask mask = ps.segment(f);
                    long c2 = OS.getProcessCpuTime();
                    List<Box> boxes = fd.detect(f);
                    long c3 = OS.getProcessCpuTime();
                    t[0] += (c1 - c0) / 1e6;
                    t[1] += (c2 - c1) / 1e6;
                    t[2] += (c3 - c2) / 1e6;
                    List<Face> cur = new ArrayList<>();
                    for (Box b : boxes) {
                        if (b.width() < 16) {
                            continue;
                        }
                        long a0 = OS.getProcessCpuTime();
                        float[] l = fl.landmarks(f, b);
                        long a1 = OS.getProcessCpuTime();
                        HeadPose h = hp.estimate(f, b);
                        long a2 = OS.getProcessCpuTime();
                        float[] e = fe.embed(f, FaceLandmarker.fivePoints(l));
                        long a3 = OS.getProcessCpuTime();
                        t[3] += (a1 - a0) / 1e6;
                        t[4] += (a2 - a1) / 1e6;
                        t[5] += (a3 - a2) / 1e6;
                        cur.add(new Face(b, l, h, e));
                    }
                    faces += cur.size();
                    double maxP = objs.stream().filter(Detection::isPerson).mapToDouble(d -> d.box().score()).max().orElse(0);
                    sb.append(String.format(" %.2f/%.2f/%d", maxP, mask.coverage(), cur.size()));
                    for (Face c : cur) {
                        double bestIou = 0, cos = 0, dyaw = 0;
                        for (Face p : prev) {
                            double iou = c.box().iou(p.box());
                            if (iou > bestIou) {
                                bestIou = iou;
                                cos = Face.cosine(c.embedding(), p.embedding());
                                dyaw = Math.abs(c.pose().yaw() - p.pose().yaw());
                            }
                        }
                        if (bestIou > 0) {
                            sb.append(String.format("[%.2f:%.2f:%.0f]", bestIou, cos, dyaw));
                        }
                    }
                    prev = cur;
                }
                int n = frames.size();
                System.out.printf("%-45s %4d %5d %6.1f %6.1f %6.1f %6.1f %6.1f %6.1f | %s%n",
                        data.resolve("footage").relativize(clip), n, faces, t[0] / n, t[1] / n, t[2] / n,
                        faces == 0 ? 0 : t[3] / faces, faces == 0 ? 0 : t[4] / faces, faces == 0 ? 0 : t[5] / faces, sb);
                for (int i = 0; i < 6; i++) {
                    tot[i] += t[i];
                }
                totFrames += n;
                totFaces += faces;
            }
            System.out.printf("ALL frames %d faces %d: yolo %.1f deeplab %.1f facedet %.1f ms/frame; lm %.1f pose %.1f emb %.1f ms/face%n",
                    totFrames, totFaces, tot[0] / totFrames, tot[1] / totFrames, tot[2] / totFrames, tot[3] / totFaces,
                    tot[4] / totFaces, tot[5] / totFaces);
        }
    }
}
