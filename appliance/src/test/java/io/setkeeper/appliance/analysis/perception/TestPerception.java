package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.inference.InferenceConfig;
import io.setkeeper.appliance.inference.InferenceEngine;
import io.setkeeper.appliance.inference.ModelRegistry;

/** Every perception model of {@code $SETKEEPER_DATA/models}, opened on the CPU with 2 threads (skips without data). */
public final class TestPerception {
    private TestPerception() {
    }

    public static Perception open() {
        ModelRegistry registry = PerceptionModels.registerAll(new ModelRegistry(), TestData.file("models"));
        return Perception.open(new InferenceEngine(registry, InferenceConfig.cpu(2)));
    }
}
