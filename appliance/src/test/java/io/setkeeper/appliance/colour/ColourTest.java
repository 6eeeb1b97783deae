package io.setkeeper.appliance.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CIEDE2000 against published test pairs (Sharma, Wu, Dalal 2005, table 1) and the sRGB to Lab conversion. */
class ColourTest {
    @Test
    void ciede2000MatchesThePublishedPairs() {
        double[][][] pairs = {
                {{50, 2.6772, -79.7751}, {50, 0, -82.7485}, {2.0425}},
                {{50, 3.1571, -77.2803}, {50, 0, -82.7485}, {2.8615}},
                {{50, 2.8361, -74.0200}, {50, 0, -82.7485}, {3.4412}},
                {{50, -1.3802, -84.2814}, {50, 0, -82.7485}, {1.0000}},
                {{50, 0, 0}, {50, -1, 2}, {2.3669}},
                {{50, 2.49, -0.001}, {50, -2.49, 0.0011}, {7.2195}},
                {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, {1.2644}},
                {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, {2.0373}},
                {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, {1.5381}},
        };
        for (double[][] p : pairs) {
            assertEquals(p[2][0], DeltaE.ciede2000(p[0], p[1]), 1e-4);
            assertEquals(p[2][0], DeltaE.ciede2000(p[1], p[0]), 1e-4);
        }
        assertEquals(0, DeltaE.ciede2000(new double[] {40, 10, -5}, new double[] {40, 10, -5}), 1e-12);
    }

    @Test
    void srgbWhiteGreyAndRedHaveTheirKnownLab() {
        double[] white = Lab.fromUnit(1, 1, 1);
        assertEquals(100, white[0], 0.01);
        assertEquals(0, white[1], 0.01);
        assertEquals(0, white[2], 0.01);
        double[] red = Lab.fromUnit(1, 0, 0);
        assertEquals(53.24, red[0], 0.05);
        assertEquals(80.09, red[1], 0.1);
        assertEquals(67.20, red[2], 0.1);
        assertEquals(53.39, Lab.fromUnit(0.5, 0.5, 0.5)[0], 0.05);
    }
}
