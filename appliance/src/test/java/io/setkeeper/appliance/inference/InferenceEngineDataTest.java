package io.setkeeper.appliance.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ONNX models through the engine: provider fallback, tamper refusal, a real run. */
class InferenceEngineDataTest {
    private static final String YOLOX_SHA = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14";

    @Test
    void givenCudaConfiguredOnACpuOnlyRuntime_thenSessionsRunOnCpuAndSayWhy() {
        ModelRegistry registry = new ModelRegistry();
        registry.register("yolox", TestData.file("models/yolox/yolox_nano.onnx"), YOLOX_SHA);
        InferenceEngine engine = new InferenceEngine(registry, new InferenceConfig(ExecutionProvider.CUDA, 1, 0, false));

        assertEquals(ExecutionProvider.CPU, engine.provider().active(), engine.provider().reason());
        assertTrue(engine.provider().reason().contains("CUDA configured but not available"), engine.provider().reason());
        try (ModelSession s = engine.open("yolox")) {
            assertEquals(ExecutionProvider.CPU, s.provider());
            Map<String, Tensor> out = s.run(Map.of("images", Tensor.of(new float[3 * 416 * 416], 1, 3, 416, 416)));
            Tensor t = out.get("output");
            assertEquals(3549 * 85, t.data().length);
            assertEquals(85, t.shape()[2]);
        }
    }

    @Test
    void givenATamperedCopyOfARealModel_thenItIsRefusedBeforeOnnxRuntimeSeesIt(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(TestData.file("models/yolox/yolox_nano.onnx"), dir.resolve("yolox_nano.onnx"));
        ModelRegistry registry = new ModelRegistry();
        registry.register("yolox", copy, YOLOX_SHA);
        InferenceEngine engine = new InferenceEngine(registry, InferenceConfig.cpu(1));
        engine.open("yolox").close();

        Files.write(copy, new byte[] {0}, StandardOpenOption.APPEND);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> engine.open("yolox"));
        assertTrue(e.getMessage().contains(YOLOX_SHA) && e.getMessage().contains("tampered"), e.getMessage());
    }

    @Test
    void givenTheRightHashButNotAModel_thenOnnxRuntimeRefusalIsAClearError(@TempDir Path dir) throws Exception {
        byte[] junk = "definitely not protobuf".getBytes();
        Path file = Files.write(dir.resolve("junk.onnx"), junk);
        ModelRegistry registry = new ModelRegistry();
        registry.register("junk", file, ModelRegistry.sha256(junk));
        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> new InferenceEngine(registry, InferenceConfig.cpu(1)).open("junk"));
        assertTrue(e.getMessage().contains("ONNX Runtime cannot open"), e.getMessage());
    }
}
