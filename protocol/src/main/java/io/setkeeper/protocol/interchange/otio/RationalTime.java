package io.setkeeper.protocol.interchange.otio;

/** OTIO's {@code RationalTime.1}: a value counted at a rate (frames at 24 fps: value 48, rate 24 is 2 s). */
public record RationalTime(double value, double rate) {
    public RationalTime {
        if (!Double.isFinite(value) || !Double.isFinite(rate) || rate <= 0) {
            throw new IllegalArgumentException("RationalTime needs a finite value and a rate > 0, got " + value
                    + " @ " + rate);
        }
    }

    /** Seconds. */
    public double seconds() {
        return value / rate;
    }
}
