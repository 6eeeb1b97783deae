package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where DeepLab's cost per frame goes on the Java side: building the input, the bare session.run on a pre-built
 * tensor, session.run with the output copied out ({@link ModelSession#run}), and the argmax decode; thread CPU ms,
 * medians over the asl/please frames at 2 fps, 480 px. Not a test.
 */
public final class MaskCostProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MaskCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : System.getenv("SETKEEPER_DATA"));
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), data.resolve("models"));
        List<Frame> frames = BenchFrames.analysisFrames(data.resolve("footage/asl/please.mkv"), 2, 10, 480);
        try (ModelSession seg = new InferenceEngine(registry, InferenceConfig.cpu(1)).open(PerceptionModels.PERSON_MASK)) {
            int n = 30;
            double[] prep = new double[n], bare = new double[n], run = new double[n], decode = new double[n];
            for (int r = -5; r < n; r++) {
                Frame f = frames.get(Math.floorMod(r, frames.size()));
                long t0 = cpu();
                Map<String, Tensor> in = PersonSegmenter.input(f);
                long t1 = cpu();
                seg.floorMillis(in, 0, 1);
                long t2 = cpu();
                float[] logits = seg.run(in).values().iterator().next().data();
                long t3 = cpu();
                PersonSegmenter.decode(logits);
                long t4 = cpu();
                if (r >= 0) {
                    prep[r] = (t1 - t0) / 1e6;
                    bare[r] = (t2 - t1) / 1e6;
                    run[r] = (t3 - t2) / 1e6;
                    decode[r] = (t4 - t3) / 1e6;
                }
            }
            java.lang.reflect.Field sf = ModelSession.class.getDeclaredField("session");
            sf.setAccessible(true);
            ai.onnxruntime.OrtSession ort = (ai.onnxruntime.OrtSession) sf.get(seg);
            ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
            double[] create = new double[n], srun = new double[n], fb = new double[n], get = new double[n], close = new double[n];
            for (int r = -5; r < n; r++) {
                Map<String, Tensor> in = PersonSegmenter.input(frames.get(Math.floorMod(r, frames.size())));
                Tensor t = in.values().iterator().next();
                long t0 = cpu();
                ai.onnxruntime.OnnxTensor x = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(t.data()), t.shape());
                long t1 = cpu();
                ai.onnxruntime.OrtSession.Result res = ort.run(Map.of("sub_7", x));
                long t2 = cpu();
                java.nio.FloatBuffer buf = ((ai.onnxruntime.OnnxTensor) res.get(0)).getFloatBuffer();
                long t3 = cpu();
                float[] out = new float[buf.remaining()];
                buf.get(out);
                long t4 = cpu();
                res.close();
                x.close();
                long t5 = cpu();
                if (r >= 0) {
                    create[r] = (t1 - t0) / 1e6;
                    srun[r] = (t2 - t1) / 1e6;
                    fb[r] = (t3 - t2) / 1e6;
                    get[r] = (t4 - t3) / 1e6;
                    close[r] = (t5 - t4) / 1e6;
                }
            }
            System.out.printf("raw: createTensor %.2f, session.run %.2f, getFloatBuffer %.2f, copy to float[] %.2f, close %.2f%n",
                    med(create), med(srun), med(fb), med(get), med(close));
            System.out.printf("deeplab thread CPU ms (median of %d): prep %.2f, bare run %.2f, run + output copy %.2f, decode %.2f%n",
                    n, med(prep), med(bare), med(run), med(decode));
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double med(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
