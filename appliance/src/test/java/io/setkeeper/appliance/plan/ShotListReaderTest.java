package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Shot list CSV import with the text in the test. */
class ShotListReaderTest {

    @Test
    void readsColumnsByHeaderNameInAnyOrder() {
        ShotList l = ShotListReader.read("""
                Setup,Shot Size,Scene,Lens (mm),Characters,Movement,Notes,Angle
                5A,WS,5,24,"DANI; TOMAS, JANA",static,"Master, all five",eye level
                5G,Cowboy,5,35mm,jana (V.O.),dolly in,,low
                """);
        assertEquals(List.of(), l.problems());
        PlannedSetup a = l.setups().get(0);
        assertEquals(new PlannedSetup(2, "5", "5A", ShotSize.WS, List.of("DANI", "TOMAS", "JANA"), "eye level",
                "24", "static", "Master, all five"), a);
        assertEquals(OptionalDouble.of(24), a.focalLengthMm());
        PlannedSetup g = l.setups().get(1);
        assertEquals(ShotSize.MWS, g.shotSize());
        assertEquals(List.of("JANA"), g.subjects());
        assertEquals(OptionalDouble.of(35), g.focalLengthMm());
        assertEquals(List.of(a, g), l.forScene("5"));
    }

    @Test
    void malformedLinesAreReportedWithTheirLineAndTheRestImported() {
        ShotList l = ShotListReader.read("""
                scene,setup,shot_size,subjects,angle,lens_mm,movement,description
                3,3A,WS,,eye level,24,static,Skyline
                3,3B,MS,,high,35
                3,3C,HUGE,,eye level,35,static,Reverse
                ,3D,CU,JANA,eye level,85,static,JANA signs

                3,3A,CU,JANA,eye level,85,static,duplicate id
                3,3E,"CU,JANA,eye level,85,static,never closed
                4,4A,WS,,high,24,locked off,"Plaza ""wide""\"
                4,4B,INSERT,,high,100,static,"closed"then text
                """);
        assertEquals(List.of(
                new ParseProblem(3, "expected 8 fields, found 6: row skipped"),
                new ParseProblem(4, "unknown shot size 'HUGE': row skipped"),
                new ParseProblem(5, "missing scene: row skipped"),
                new ParseProblem(7, "setup 3A of scene 3 is listed twice: row skipped"),
                new ParseProblem(8, "unterminated quoted field: row skipped"),
                new ParseProblem(10, "text after a closing quote in field 8: row skipped")), l.problems());
        assertEquals(List.of("3A", "4A"), l.setups().stream().map(PlannedSetup::setup).toList());
        assertEquals("Plaza \"wide\"", l.setups().get(1).description());
        assertEquals(9, l.setups().get(1).line());
    }

    @Test
    void missingRequiredColumnsImportNothingAndSaySo() {
        ShotList l = ShotListReader.read("scene,shot,subjects\n5,5A,DANI\n");
        assertEquals(List.of(), l.setups());
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).message().startsWith("shot list header lacks shot_size"),
                l.problems().get(0).message());
        assertEquals(List.of(new ParseProblem(1, "empty shot list: no header")), ShotListReader.read("").problems());
    }

    @Test
    void shotSizeLabels() {
        assertEquals(Optional.of(ShotSize.MCU), ShotSize.parse("medium close-up"));
        assertEquals(Optional.of(ShotSize.CU), ShotSize.parse("Close Up"));
        assertEquals(Optional.of(ShotSize.EWS), ShotSize.parse("ews"));
        assertEquals(Optional.of(ShotSize.TWO_SHOT), ShotSize.parse("two-shot"));
        assertEquals(Optional.of(ShotSize.OTS), ShotSize.parse("O.T.S."));
        assertEquals(Optional.of(ShotSize.INSERT), ShotSize.parse("Insert"));
        assertEquals(Optional.empty(), ShotSize.parse("POV"));
        assertEquals("TWO-SHOT", ShotSize.TWO_SHOT.label());
    }
}
