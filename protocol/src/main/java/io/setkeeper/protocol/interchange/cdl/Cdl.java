package io.setkeeper.protocol.interchange.cdl;

import java.util.Objects;
import java.util.Optional;

/**
 * An ASC Color Decision List correction (ASC CDL v1.2): slope, offset and power per channel and one saturation,
 * with an id and a free-text description. The one CDL value that every export (.cc/.ccc/.cdl, ALE, EDL, OTIO) writes.
 *
 * <p>Values are checked on construction: all finite, slope &ge; 0, power &gt; 0, saturation &ge; 0. Anything else
 * is refused with an {@link IllegalArgumentException} naming the value.
 *
 * <p>{@link #apply} is the ASC formula {@code out = clamp(in * slope + offset) ^ power}, then saturation with
 * Rec. 709 luma weights {@code luma + sat * (c - luma)}, clamped to [0, 1] after SOP and after saturation, as the
 * v1.2 clamping style (OpenColorIO "Fwd") does for values written in the CDL XML formats.
 */
public record Cdl(String id, Rgb slope, Rgb offset, Rgb power, double saturation, String description) {
    /** Rec. 709 luma weights, the ones the ASC CDL saturation uses. */
    public static final double LUMA_R = 0.2126;
    public static final double LUMA_G = 0.7152;
    public static final double LUMA_B = 0.0722;

    /** The correction that changes nothing. */
    public static final Cdl IDENTITY = new Cdl("", Rgb.all(1), Rgb.all(0), Rgb.all(1), 1, "");

    public Cdl {
        id = id == null ? "" : id;
        description = description == null ? "" : description;
        Objects.requireNonNull(slope, "slope");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(power, "power");
        String who = id.isEmpty() ? "CDL" : "CDL '" + id + "'";
        if (!slope.finite() || !offset.finite() || !power.finite() || !Double.isFinite(saturation)) {
            throw new IllegalArgumentException(who + " has a value that is not a finite number: slope " + slope
                    + ", offset " + offset + ", power " + power + ", saturation " + saturation);
        }
        if (slope.r() < 0 || slope.g() < 0 || slope.b() < 0) {
            throw new IllegalArgumentException(who + ": slope must be >= 0, got " + triple(slope));
        }
        if (power.r() <= 0 || power.g() <= 0 || power.b() <= 0) {
            throw new IllegalArgumentException(who + ": power must be > 0, got " + triple(power));
        }
        if (saturation < 0) {
            throw new IllegalArgumentException(who + ": saturation must be >= 0, got " + saturation);
        }
    }

    /** A CDL with an id and no description. */
    public static Cdl of(String id, Rgb slope, Rgb offset, Rgb power, double saturation) {
        return new Cdl(id, slope, offset, power, saturation, "");
    }

    /** The same values under another id. */
    public Cdl withId(String newId) {
        return new Cdl(newId, slope, offset, power, saturation, description);
    }

    /** The same values with another description. */
    public Cdl withDescription(String newDescription) {
        return new Cdl(id, slope, offset, power, saturation, newDescription);
    }

    /** True when the numbers (not id or description) equal {@code other}'s within {@code tolerance}. */
    public boolean sameValues(Cdl other, double tolerance) {
        return slope.maxDifference(other.slope) <= tolerance && offset.maxDifference(other.offset) <= tolerance
                && power.maxDifference(other.power) <= tolerance
                && Math.abs(saturation - other.saturation) <= tolerance;
    }

    /** Applies this correction to one RGB pixel (normalised 0..1), clamping as ASC CDL v1.2 says. */
    public Rgb apply(Rgb in) {
        double r = Math.pow(clamp(in.r() * slope.r() + offset.r()), power.r());
        double g = Math.pow(clamp(in.g() * slope.g() + offset.g()), power.g());
        double b = Math.pow(clamp(in.b() * slope.b() + offset.b()), power.b());
        double luma = LUMA_R * r + LUMA_G * g + LUMA_B * b;
        return new Rgb(clamp(luma + saturation * (r - luma)), clamp(luma + saturation * (g - luma)),
                clamp(luma + saturation * (b - luma)));
    }

    /**
     * The input that {@link #apply} maps to {@code out}, where one exists: empty when the correction is not
     * invertible (a zero slope or zero saturation collapses values) or when {@code out} lies outside [0, 1]. For
     * outputs that {@link #apply} clamped, the answer is the nearest input inside the unclamped range.
     */
    public Optional<Rgb> invert(Rgb out) {
        if (saturation == 0 || slope.r() == 0 || slope.g() == 0 || slope.b() == 0) {
            return Optional.empty();
        }
        if (!inUnit(out.r()) || !inUnit(out.g()) || !inUnit(out.b())) {
            return Optional.empty();
        }
        // saturation keeps luma unchanged, so luma of the output is the luma to undo it around
        double luma = LUMA_R * out.r() + LUMA_G * out.g() + LUMA_B * out.b();
        double r = clamp(luma + (out.r() - luma) / saturation);
        double g = clamp(luma + (out.g() - luma) / saturation);
        double b = clamp(luma + (out.b() - luma) / saturation);
        return Optional.of(new Rgb((Math.pow(r, 1 / power.r()) - offset.r()) / slope.r(),
                (Math.pow(g, 1 / power.g()) - offset.g()) / slope.g(),
                (Math.pow(b, 1 / power.b()) - offset.b()) / slope.b()));
    }

    private static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static String triple(Rgb v) {
        return "(" + v.r() + " " + v.g() + " " + v.b() + ")";
    }
}
