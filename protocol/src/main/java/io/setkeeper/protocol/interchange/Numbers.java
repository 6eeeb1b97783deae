package io.setkeeper.protocol.interchange;

import java.math.BigDecimal;

/** Number formatting shared by the writers: the shortest decimal that reads back to the same double, no exponent. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 0.9}, {@code -0.0122}, {@code 1} rather than {@code 1.0E-4}; exact round trip through parseDouble. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0";
        }
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text;
    }
}
