package io.setkeeper.appliance.model.bench;

import io.setkeeper.appliance.model.ModelCost;
import java.nio.file.Files;

/**
 * Cost of learning one clip after 10, 100 and 1000 clips, as a ratio against the bare nearest-prototype arithmetic
 * measured in the same run, and the size of a version on disk. Run:
 * {@code mvn -q -o -pl appliance test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.setkeeper.appliance.model.bench.ModelLearnBenchmark} or through the DataTest.
 */
public final class ModelLearnBenchmark {
    private ModelLearnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ModelCost.print(ModelCost.measure(Files.createTempDirectory("model-bench")));
    }
}
