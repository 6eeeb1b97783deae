package io.setkeeper.appliance.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path dir;

    @Test
    void givenRegisteredHash_whenFileUnchanged_thenLoadReturnsItsBytes() throws Exception {
        byte[] bytes = "not really onnx, but bytes".getBytes();
        Path file = Files.write(dir.resolve("m.onnx"), bytes);
        ModelRegistry registry = new ModelRegistry();
        registry.register("m", file, ModelRegistry.sha256(bytes).toUpperCase());

        ModelRegistry.VerifiedModel model = registry.load("m");

        assertArrayEquals(bytes, model.bytes());
        assertEquals(ModelRegistry.sha256(bytes), model.entry().sha256());
    }

    @Test
    void givenTamperedFile_whenLoaded_thenRefusedNamingBothHashes() throws Exception {
        byte[] bytes = {1, 2, 3, 4};
        Path file = Files.write(dir.resolve("m.onnx"), bytes);
        ModelRegistry registry = new ModelRegistry();
        String expected = ModelRegistry.sha256(bytes);
        registry.register("m", file, expected);
        Files.write(file, new byte[] {1, 2, 3, 5});

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> registry.load("m"));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(ModelRegistry.sha256(new byte[] {1, 2, 3, 5})), e.getMessage());
        assertTrue(e.getMessage().contains("tampered"), e.getMessage());
    }

    @Test
    void unregisteredMissingAndMalformedAreClearErrors() {
        ModelRegistry registry = new ModelRegistry();
        registry.register("gone", dir.resolve("gone.onnx"), "0".repeat(64));

        assertTrue(assertThrows(ModelRejectedException.class, () -> registry.load("other")).getMessage().contains("not registered"));
        assertTrue(assertThrows(ModelRejectedException.class, () -> registry.load("gone")).getMessage().contains("cannot read"));
        assertThrows(IllegalArgumentException.class, () -> registry.register("x", dir.resolve("x"), "abc"));
        assertThrows(IllegalArgumentException.class, () -> registry.register(" ", dir.resolve("x"), "0".repeat(64)));
    }

    @Test
    void sha256MatchesKnownVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelRegistry.sha256("abc".getBytes()));
    }

    @Test
    void providerFallsBackToCpuAndSaysWhy() {
        ProviderChoice cpuOnly = ProviderChoice.choose(ExecutionProvider.CUDA, EnumSet.of(ExecutionProvider.CPU));
        assertEquals(ExecutionProvider.CPU, cpuOnly.active());
        assertTrue(cpuOnly.reason().contains("CUDA configured but not available"), cpuOnly.reason());

        assertEquals(ExecutionProvider.CUDA, ProviderChoice.choose(ExecutionProvider.TENSORRT,
                EnumSet.of(ExecutionProvider.CPU, ExecutionProvider.CUDA)).active());
        assertEquals(ExecutionProvider.TENSORRT, ProviderChoice.choose(ExecutionProvider.TENSORRT,
                EnumSet.allOf(ExecutionProvider.class)).active());
        assertEquals(ExecutionProvider.CPU, ProviderChoice.choose(ExecutionProvider.CPU,
                EnumSet.allOf(ExecutionProvider.class)).active());
        assertThrows(IllegalArgumentException.class, () -> InferenceConfig.cpu(0));
    }

    @Test
    void tensorShapeMustMatchData() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 1, 2, 3));
        assertEquals(6, Tensor.of(new float[6], 1, 2, 3).data().length);
    }
}
