package io.setkeeper.appliance.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class ModelSessionFloatsTest {
    @Test
    void aFreshHeapBufferGivesItsOwnArray() {
        float[] values = {1, 2, 3};
        assertSame(values, ModelSession.floats(FloatBuffer.wrap(values)));
    }

    @Test
    void aSliceOrADirectBufferIsCopied() {
        float[] values = {1, 2, 3, 4};
        FloatBuffer slice = FloatBuffer.wrap(values, 1, 2);
        float[] got = ModelSession.floats(slice);
        assertNotSame(values, got);
        assertArrayEquals(new float[] {2, 3}, got);
        FloatBuffer direct = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).asFloatBuffer().put(new float[] {5, 6});
        direct.rewind();
        assertArrayEquals(new float[] {5, 6}, ModelSession.floats(direct));
    }
}
