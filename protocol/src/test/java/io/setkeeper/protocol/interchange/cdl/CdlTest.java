package io.setkeeper.protocol.interchange.cdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CdlTest {
    private static final Cdl LOOK = Cdl.of("look", new Rgb(1.2, 1.0, 0.8), new Rgb(0.1, 0.0, -0.05),
            new Rgb(1.0, 2.0, 1.0), 1.0);

    @Test
    void appliesSlopeOffsetPowerPerChannel() {
        Rgb out = LOOK.apply(Rgb.all(0.5));
        assertEquals(0.7, out.r(), 1e-12);   // 0.5 * 1.2 + 0.1
        assertEquals(0.25, out.g(), 1e-12);  // 0.5 ^ 2
        assertEquals(0.35, out.b(), 1e-12);  // 0.5 * 0.8 - 0.05
    }

    @Test
    void saturationMixesTowardsRec709Luma() {
        Rgb out = new Cdl("s", LOOK.slope(), LOOK.offset(), LOOK.power(), 0.5, "").apply(Rgb.all(0.5));
        double luma = 0.2126 * 0.7 + 0.7152 * 0.25 + 0.0722 * 0.35;
        assertEquals(luma + 0.5 * (0.7 - luma), out.r(), 1e-12);
        assertEquals(luma + 0.5 * (0.25 - luma), out.g(), 1e-12);
        Rgb grey = new Cdl("g", Rgb.all(1), Rgb.all(0), Rgb.all(1), 0, "").apply(new Rgb(1, 0, 0));
        assertEquals(0.2126, grey.r(), 1e-12);
        assertEquals(0.2126, grey.b(), 1e-12);
    }

    @Test
    void clampsBeforePowerAndAfterSaturation() {
        Cdl hot = Cdl.of("hot", Rgb.all(2), new Rgb(0, -0.5, 0), Rgb.all(0.5), 2);
        Rgb out = hot.apply(new Rgb(0.9, 0.1, 0.25));
        assertEquals(1.0, out.r(), 1e-12, "1.8 is clamped to 1 before the power");
        assertEquals(0.0, out.g(), 1e-12, "-0.3 is clamped to 0, no NaN from the power");
        assertTrue(out.b() >= 0 && out.b() <= 1);
    }

    @Test
    void inverseUndoesApplyInsideTheUnclampedRange() {
        Cdl cdl = new Cdl("x", new Rgb(1.1, 0.9, 1.05), new Rgb(0.02, -0.01, 0.03), new Rgb(1.1, 0.95, 1.2), 1.3, "");
        for (double r = 0.1; r < 0.8; r += 0.13) {
            for (double b = 0.15; b < 0.8; b += 0.17) {
                Rgb in = new Rgb(r, 0.4, b);
                Rgb back = cdl.invert(cdl.apply(in)).orElseThrow();
                assertEquals(0, back.maxDifference(in), 1e-9, "at " + in);
            }
        }
    }

    @Test
    void inverseIsEmptyWhereNotDefined() {
        Cdl flat = Cdl.of("flat", new Rgb(0, 1, 1), Rgb.all(0), Rgb.all(1), 1);
        assertEquals(Optional.empty(), flat.invert(Rgb.all(0.5)));
        Cdl grey = Cdl.of("grey", Rgb.all(1), Rgb.all(0), Rgb.all(1), 0);
        assertEquals(Optional.empty(), grey.invert(Rgb.all(0.5)));
        assertEquals(Optional.empty(), LOOK.invert(new Rgb(1.2, 0.5, 0.5)));
    }

    @Test
    void refusesValuesOutOfRange() {
        var slope = assertThrows(IllegalArgumentException.class,
                () -> Cdl.of("bad", new Rgb(1, -0.1, 1), Rgb.all(0), Rgb.all(1), 1));
        assertTrue(slope.getMessage().contains("slope must be >= 0"), slope.getMessage());
        assertTrue(slope.getMessage().contains("'bad'"), slope.getMessage());
        var power = assertThrows(IllegalArgumentException.class,
                () -> Cdl.of("p", Rgb.all(1), Rgb.all(0), new Rgb(1, 1, 0), 1));
        assertTrue(power.getMessage().contains("power must be > 0"), power.getMessage());
        var sat = assertThrows(IllegalArgumentException.class,
                () -> Cdl.of("s", Rgb.all(1), Rgb.all(0), Rgb.all(1), -0.5));
        assertTrue(sat.getMessage().contains("saturation must be >= 0"), sat.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> Cdl.of("n", Rgb.all(1), new Rgb(0, Double.NaN, 0), Rgb.all(1), 1));
        assertTrue(nan.getMessage().contains("not a finite number"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Cdl.of("i", Rgb.all(Double.POSITIVE_INFINITY), Rgb.all(0), Rgb.all(1), 1));
    }

    @Test
    void ascSopTextRoundTripsAndRefusesGarbage() {
        Cdl cdl = AscSop.cdl("e", "(0.8714 0.9334 0.9947)(-0.087 -0.0922 -0.0808)(0.9988 1.0218 1.0101)", "0.9");
        assertEquals(new Rgb(0.8714, 0.9334, 0.9947), cdl.slope());
        assertEquals(-0.0922, cdl.offset().g(), 0);
        assertEquals(0.9, cdl.saturation(), 0);
        Cdl back = AscSop.cdl("e", AscSop.format(cdl), AscSop.formatSat(cdl));
        assertEquals(cdl, back);
        assertEquals(cdl, AscSop.cdl("e", "  (0.8714 0.9334 0.9947) (-0.087 -0.0922 -0.0808) (0.9988 1.0218 1.0101) ",
                " 0.9 "));
        assertThrows(IllegalArgumentException.class, () -> AscSop.parse("(1 1 1)(0 0 0)"));
        assertThrows(IllegalArgumentException.class, () -> AscSop.parse("(1 1)(0 0 0)(1 1 1)"));
        assertThrows(IllegalArgumentException.class, () -> AscSop.parse("(1 1 x)(0 0 0)(1 1 1)"));
        assertThrows(IllegalArgumentException.class, () -> AscSop.parse("(1 1 1) junk (0 0 0)(1 1 1)"));
        assertThrows(IllegalArgumentException.class, () -> AscSop.cdl("neg", "(1 1 1)(0 0 0)(1 -1 1)", "1"));
    }
}
