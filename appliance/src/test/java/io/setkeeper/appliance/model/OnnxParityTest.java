package io.setkeeper.appliance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported version runs in a bare ONNX Runtime session and gives the in-process model's predictions. */
class OnnxParityTest {
    @Test
    void onnxRuntimeGivesTheSamePredictionsAsTheModel(@TempDir Path dir) throws Exception {
        Synthetic s = new Synthetic(11, 5, 4);
        ProductionModel m = new ProductionModel("p", java.util.Set.of(), ProductionModelTest.CLOCK);
        String[] names = {"A", "B", "C", "D"};
        for (int c = 0; c < 4; c++) {
            m.name(m.learn(s.clip("n" + c, c, c)).clusters().getFirst(), names[c], "dit");
            for (int t = 0; t < 3; t++) {
                m.learn(s.clip("c" + c + "t" + t, c, c));
            }
        }
        m.learn(s.clip("plate", 3));
        ModelVersion v = new ModelVersions(dir.resolve("model"), ProductionModelTest.CLOCK).cut(m, 1, null, "parity");
        Heads h = m.heads();
        // fresh takes, including a stranger (character 4) and a clip with nobody in it
        List<ClipFeatures> probes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            probes.add(i % 6 == 5 ? s.clip("p" + i, i % 4) : s.clip("p" + i, i % 4, i % 5));
        }
        int n = probes.size();
        float[] emb = new float[n * 512];
        float[] feats = new float[n * SetupModel.DIMS];
        for (int i = 0; i < n; i++) {
            ClipFeatures f = probes.get(i);
            float[] e = f.people().isEmpty() ? s.face(0) : f.people().getFirst().embedding();
            System.arraycopy(e, 0, emb, i * 512, 512);
            System.arraycopy(h.setupInput(f), 0, feats, i * SetupModel.DIMS, SetupModel.DIMS);
        }
        ModelRegistry registry = new ModelRegistry();
        registry.register("heads", v.onnx(), ModelRegistry.sha256(Files.readAllBytes(v.onnx())));
        Map<String, Tensor> out;
        try (ModelSession session = new InferenceEngine(registry, InferenceConfig.cpu(1)).open("heads")) {
            out = session.run(Map.of(OnnxExport.EMBEDDING, Tensor.of(emb, n, 512),
                    OnnxExport.SETUP_FEATURES, Tensor.of(feats, n, SetupModel.DIMS)));
        }
        int k = h.characters().size(), sk = h.setups().size();
        assertEquals(4, k);
        assertEquals(4, sk);
        int strangers = 0;
        for (int i = 0; i < n; i++) {
            ClipFeatures f = probes.get(i);
            float[] e = new float[512];
            System.arraycopy(emb, i * 512, e, 0, 512);
            double[] cs = h.characterScores(e);
            for (int j = 0; j < k; j++) {
                assertEquals(cs[j], out.get(OnnxExport.CHARACTER_SCORES).data()[i * k + j], 1e-4);
            }
            int ortChar = (int) out.get(OnnxExport.CHARACTER_INDEX).data()[i];
            assertEquals(Heads.argmax(cs), ortChar);
            // the unknown decision from the manifest threshold agrees with the model's own label
            String inProcess = f.people().isEmpty() ? null : m.predict(f).mainCharacter();
            if (!f.people().isEmpty()) {
                float ortScore = out.get(OnnxExport.CHARACTER_SCORES).data()[i * k + ortChar];
                String ortLabel = h.characterLabel(ortChar, ortScore, f.people().getFirst());
                assertEquals(inProcess, ortLabel, "probe " + i);
                strangers += inProcess == null ? 1 : 0;
            }
            double[] ss = h.setupScores(h.setupInput(f));
            for (int j = 0; j < sk; j++) {
                float ort = out.get(OnnxExport.SETUP_SCORES).data()[i * sk + j];
                assertEquals(ss[j], ort, 1e-3 * Math.max(1, Math.abs(ss[j])), "setup score " + i + "," + j);
            }
            int ortSetup = (int) out.get(OnnxExport.SETUP_INDEX).data()[i];
            assertEquals(m.predict(f).setup().predicted(), h.setups().get(ortSetup), "probe " + i);
        }
        assertTrue(strangers >= 3, "the stranger probes stay unknown in both: " + strangers);
    }
}
