package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.analysis.perception.FaceDetector;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PerceptionModels;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;
import io.setkeeper.appliance.inference.ModelSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test-only: the footage folders the fix quality tests walk, and the real perception models. */
final class Footage {
    private Footage() {
    }

    static List<Path> files(String folder) throws Exception {
        try (Stream<Path> s = Files.list(TestData.file(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static InferenceEngine engine() {
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), TestData.file("models"));
        return new InferenceEngine(registry, InferenceConfig.cpu(2));
    }

    static Perception perception() {
        return Perception.open(engine());
    }

    /** A bare face detector session (boxes only), for measuring on every frame. */
    static ModelSession faceDetectorSession() {
        return engine().open(PerceptionModels.FACE_DETECTOR);
    }

    static FaceDetector detector(ModelSession session) {
        return new FaceDetector(session);
    }
}
