package io.setkeeper.appliance.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float tensor as plain values (shape and row-major data), so that callers outside {@code inference}
 * never touch ONNX Runtime types.
 */
public record Tensor(long[] shape, float[] data) {
    public Tensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
    }

    /** Convenience constructor from int dimensions. */
    public static Tensor of(float[] data, long... shape) {
        return new Tensor(shape, data);
    }
}
