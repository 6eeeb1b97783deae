package io.setkeeper.appliance.slate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupervisorLogReaderTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineEnds() {
        String csv = """
                take,scene,file,circled,notes,lens
                1,5,A001C001.mov,Y,"boom in frame, left",35mm
                2,5,A001C002.mov,N,"she said ""cut"" early",35mm
                3,5,A001C003.mov,yes,"two
                lines",50mm
                4,5,A001C004.mov,,,
                """;
        Parsed<SupervisorEntry> log = SupervisorLogReader.parse(csv);
        assertEquals(List.of(), log.problems());
        assertEquals(4, log.rows().size());
        SupervisorEntry first = log.rows().getFirst();
        assertEquals("A001C001.mov", first.file());
        assertEquals(Optional.of("boom in frame, left"), first.notes());
        assertEquals(Optional.of("1"), first.take());
        assertEquals(Map.of("lens", "35mm"), first.extra());
        assertTrue(first.circled());
        assertEquals(Optional.of("she said \"cut\" early"), log.rows().get(1).notes());
        assertEquals(Optional.of("two\nlines"), log.rows().get(2).notes());
        assertEquals(4, log.rows().get(2).line());
        assertEquals(6, log.rows().get(3).line(), "the multi-line record counts its lines");
        assertFalse(log.rows().get(3).circled());
        assertTrue(log.rows().get(3).notes().isEmpty());
    }

    @Test
    void badLinesAreReportedAndSkippedOthersKept() {
        String csv = String.join("\r\n",
                "file,scene,setup,take,circled,camera,notes",
                "a.mov,1,1A,1,Y,A,fine",
                ",1,1A,2,Y,A,no file",
                "c.mov,1,1A,3,Y,A,unquoted, comma, here",
                "d.mov,1,1A,4,perhaps,A,",
                "e.mov,1,1A,5,N,A,\"never closed",
                "f.mov,1,1A,6,N,A,last",
                "");
        Parsed<SupervisorEntry> log = SupervisorLogReader.parse(csv);
        assertEquals(List.of("a.mov", "d.mov", "f.mov"), log.rows().stream().map(SupervisorEntry::file).toList());
        assertEquals(List.of(3, 4, 5, 6), log.problems().stream().map(Problem::line).toList(), log.problems().toString());
        assertTrue(log.problems().get(0).message().contains("no file"));
        assertTrue(log.problems().get(1).message().contains("9 fields for 7 columns"));
        assertTrue(log.problems().get(2).message().contains("perhaps"));
        assertTrue(log.problems().get(3).message().contains("never closed"));
        assertEquals(7, log.rows().get(2).line());
    }

    @Test
    void headerWithoutFileColumn() {
        Parsed<SupervisorEntry> log = SupervisorLogReader.parse("scene,take\n1,1\n");
        assertTrue(log.rows().isEmpty());
        assertEquals(1, log.problems().getFirst().line());
        assertEquals(1, SupervisorLogReader.parse("").problems().size());
    }
}
