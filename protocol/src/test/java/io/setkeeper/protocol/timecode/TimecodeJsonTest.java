package io.setkeeper.protocol.timecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TimecodeJsonTest {

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void roundTripsThroughText() {
        for (Timecode tc : new Timecode[] {
                Timecode.parse("12:39:59:00", FrameRate.FPS_23_976),
                Timecode.parse("00:10:00;00", FrameRate.FPS_29_97_DF),
                Timecode.parse("00:10:00:00", FrameRate.FPS_29_97_NDF),
                Timecode.parse("23:58:30:00", FrameRate.FPS_25)}) {
            JsonObject json = TimecodeJson.toJson(tc);
            assertEquals(tc, TimecodeJson.fromJson(parse(json.toString())));
        }
        assertEquals("{\"label\":\"00:10:00;00\",\"frame\":17982,\"rate\":\"30000/1001 DF\"}",
                TimecodeJson.toJson(Timecode.parse("00:10:00;00", FrameRate.FPS_29_97_DF)).toString());
    }

    @Test
    void rejectsBadPayloads() {
        assertThrows(IllegalArgumentException.class, () -> TimecodeJson.fromJson(parse("{\"rate\":\"25\"}")));
        assertThrows(IllegalArgumentException.class, () -> TimecodeJson.fromJson(parse("{\"frame\":1.5,\"rate\":\"25\"}")));
        assertThrows(IllegalArgumentException.class, () -> TimecodeJson.fromJson(parse("{\"frame\":1,\"rate\":25}")));
        assertThrows(IllegalArgumentException.class, () -> TimecodeJson.fromJson(parse("{\"frame\":99999999,\"rate\":\"25\"}")));
        assertThrows(IllegalArgumentException.class,
                () -> TimecodeJson.fromJson(parse("{\"label\":\"00:00:00:02\",\"frame\":1,\"rate\":\"25\"}")));
    }
}
