package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClipNameTest {

    /** name | vendor | camera | roll | clip | part | date (yyyy-mm-dd) | month-day (--mm-dd); blank = absent */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", value = {
            "A001C003_220316_R1AB.mov              | ARRI       | A | 1   | 3   |    | 2022-03-16 | --03-16",
            "B012C045_191231_R2C3.mxf              | ARRI       | B | 12  | 45  |    | 2019-12-31 | --12-31",
            "/cards/A001/A001C003_220316_R1AB.0001234.ari | ARRI | A | 1 | 3   |    | 2022-03-16 | --03-16",
            "a001c003_220316_r1ab.MOV              | ARRI       | A | 1   | 3   |    | 2022-03-16 | --03-16",
            "A106_C037_0101XX_001.R3D              | RED        | A | 106 | 37  | 1  |            | --01-01",
            "A106_C037_0101XX.RDC                  | RED        | A | 106 | 37  |    |            | --01-01",
            "A005_C010_0501J0_003.R3D              | RED        | A | 5   | 10  | 3  |            | --05-01",
            "A001C001_220316CR.MXF                 | SONY       | A | 1   | 1   |    | 2022-03-16 | --03-16",
            "C0001.MP4                             | SONY       |   |     | 1   |    |            |",
            "C0123.MXF                             | SONY       |   |     | 123 |    |            |",
            "GX010001.MP4                          | GOPRO      |   |     | 1   | 1  |            |",
            "GH020042.MP4                          | GOPRO      |   |     | 42  | 2  |            |",
            "GH010001                              | GOPRO      |   |     | 1   | 1  |            |",
            "GL010001.LRV                          | GOPRO      |   |     | 1   | 1  |            |",
            "GOPR0001.MP4                          | GOPRO      |   |     | 1   | 0  |            |",
            "A001_08151230_C001.braw               | BLACKMAGIC | A | 1   | 1   |    |            | --08-15",
            "C002_12312359_C017.braw               | BLACKMAGIC | C | 2   | 17  |    |            | --12-31",
    })
    void knownSchemes(String name, ClipName.Vendor vendor, String camera, Integer roll, int clip, Integer part,
                      String date, String monthDay) {
        ClipName n = ClipName.parse(name).orElseThrow(() -> new AssertionError("not recognised: " + name));
        assertEquals(vendor, n.vendor());
        assertEquals(Optional.ofNullable(camera), n.camera());
        assertEquals(roll == null ? OptionalInt.empty() : OptionalInt.of(roll), n.roll());
        assertEquals(clip, n.clip());
        assertEquals(part == null ? OptionalInt.empty() : OptionalInt.of(part), n.part());
        assertEquals(Optional.ofNullable(date).map(LocalDate::parse), n.date());
        assertEquals(Optional.ofNullable(monthDay).map(MonthDay::parse), n.monthDay());
        if (camera != null) {
            assertEquals(Optional.of(camera + String.format("%03d", roll)), n.camroll());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "again.mkv", "please.mkv", "A001C003.mov", "A001C003_221399_R1AB.mov",
            "A106_C037_1301XX_001.R3D", "A001_08151275_C001.braw", "GX010001.JPG", "C0001.jpg", "IMG_0001.MOV",
            "VID_1920x1080_cabac_temporal_direct.264", "../../etc/passwd", "A001C003_220316_R1AB_extra.mov",
            "karma.mp4", "GOPR001.MP4"})
    void unknownOrImpossibleNames(String name) {
        assertTrue(ClipName.parse(name).isEmpty(), name);
    }

    @org.junit.jupiter.api.Test
    void nullIsUnknown() {
        assertTrue(ClipName.parse(null).isEmpty());
    }
}
