package io.setkeeper.protocol.timecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameRateTest {

    @ParameterizedTest(name = "{0} -> {1}/{2} nominal {3} df {4}")
    @CsvSource(delimiter = '|', value = {
            "25          | 25    | 1    | 25 | false",
            "25/1        | 25    | 1    | 25 | false",
            "24          | 24    | 1    | 24 | false",
            "23.976      | 24000 | 1001 | 24 | false",
            "23.98       | 24000 | 1001 | 24 | false",
            "23.97 ND    | 24000 | 1001 | 24 | false",
            "023.976-ND  | 24000 | 1001 | 24 | false",
            "24000/1001  | 24000 | 1001 | 24 | false",
            "48000/2002  | 24000 | 1001 | 24 | false",
            "29.97       | 30000 | 1001 | 30 | true",
            "29.97 NDF   | 30000 | 1001 | 30 | false",
            "29.97DF     | 30000 | 1001 | 30 | true",
            "30000/1001  | 30000 | 1001 | 30 | true",
            "30DF        | 30000 | 1001 | 30 | true",
            "30          | 30    | 1    | 30 | false",
            "59.94       | 60000 | 1001 | 60 | true",
            "50          | 50    | 1    | 50 | false",
            "25.000ND    | 25    | 1    | 25 | false",
            "47.952      | 48000 | 1001 | 48 | false",
            "24.00       | 24    | 1    | 24 | false",
    })
    void parsesTheWaysDevicesWriteRates(String text, int num, int den, int nominal, boolean df) {
        FrameRate rate = FrameRate.parse(text);
        assertEquals(num, rate.num());
        assertEquals(den, rate.den());
        assertEquals(nominal, rate.nominal());
        assertEquals(df, rate.dropFrame());
        assertEquals(rate, FrameRate.parse(rate.toString()), "toString reads back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "fast", "0", "-25", "27.3", "25 DF", "23.976 DF", "1/0", "24:00"})
    void rejectsWhatIsNotARate(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameRate.parse(text));
        assertTrue(e.getMessage().length() > 5, e.getMessage());
    }

    @Test
    void framesPerDay() {
        assertEquals(2_589_408, FrameRate.FPS_29_97_DF.framesPerDay());
        assertEquals(2_592_000, FrameRate.FPS_29_97_NDF.framesPerDay());
        assertEquals(5_178_816, FrameRate.FPS_59_94_DF.framesPerDay());
        assertEquals(2_160_000, FrameRate.FPS_25.framesPerDay());
        assertEquals(2_073_600, FrameRate.FPS_23_976.framesPerDay());
    }

    @Test
    void dropFrameOnlyWhereItExists() {
        assertTrue(FrameRate.FPS_29_97_NDF.canDropFrame());
        assertFalse(FrameRate.FPS_23_976.canDropFrame());
        assertFalse(FrameRate.FPS_30.canDropFrame());
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(25, 1, 25, true));
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(24000, 1001, 23, false));
        assertEquals(2, FrameRate.FPS_29_97_DF.droppedPerMinute());
        assertEquals(4, FrameRate.FPS_59_94_DF.droppedPerMinute());
        assertEquals(0, FrameRate.FPS_29_97_NDF.droppedPerMinute());
    }
}
