package io.setkeeper.appliance.media;

/**
 * An exact rational number such as a frame rate of 24000/1001. Always reduced, denominator positive.
 * Kept separate from any frame-rate type of other packages so that {@code media} depends on nothing of ours.
 */
public record Rational(long num, long den) {

    public Rational {
        if (den == 0) {
            throw new IllegalArgumentException("denominator is zero: " + num + "/" + den);
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    /** {@code num/den}, reduced. */
    public static Rational of(long num, long den) {
        return new Rational(num, den);
    }

    /** Parses "24000/1001" or "25". */
    public static Rational parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return new Rational(Long.parseLong(t), 1);
        }
        return new Rational(Long.parseLong(t.substring(0, slash).strip()), Long.parseLong(t.substring(slash + 1).strip()));
    }

    /** The value as a double, for display and arithmetic that tolerates rounding. */
    public double toDouble() {
        return (double) num / den;
    }

    /** Whole frames per second when this is a frame rate: 30000/1001 gives 30, 25 gives 25, 179/6 gives 30. */
    public int roundedUp() {
        return (int) Math.ceil((double) num / den - 1e-9);
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
