package io.setkeeper.appliance.analysis.perception;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestPerception} per test class, opened before its first test and closed after its last (skipped
 * without data, as {@link TestPerception#open}):
 * {@code @RegisterExtension static final PerceptionExtension PERCEPTION = new PerceptionExtension();}.
 */
public final class PerceptionExtension implements BeforeAllCallback, AfterAllCallback {
    private Perception perception;

    /** The open perception; only between the class's first and last test. */
    public Perception get() {
        if (perception == null) {
            throw new IllegalStateException("perception is open only while the test class runs");
        }
        return perception;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perception = TestPerception.open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perception != null) {
            perception.close();
            perception = null;
        }
    }
}
