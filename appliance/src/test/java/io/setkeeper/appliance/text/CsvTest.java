package io.setkeeper.appliance.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<List<String>> fields(List<Csv.Row> rows) {
        return rows.stream().map(Csv.Row::fields).toList();
    }

    @Test
    void recordsEndAtAnyLineEnd() {
        List<Csv.Row> rows = Csv.parse("a,b\rc,\"d\r\ne\"\nf");
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d\r\ne"), List.of("f")), fields(rows));
        assertEquals(List.of(1, 2, 4), rows.stream().map(Csv.Row::line).toList());
    }

    @Test
    void quotesCommasAndEscapedQuotes() {
        List<Csv.Row> rows = Csv.parse("\"a,b\",\"say \"\"hi\"\"\",5\" monitor,  \"x\"\n");
        assertEquals(List.of(List.of("a,b", "say \"hi\"", "5\" monitor", "x")), fields(rows));
        assertNull(rows.getFirst().error());
    }

    @Test
    void emptyLinesAreRowsOfOneEmptyField() {
        List<Csv.Row> rows = Csv.parse("a\n\n  \nb");
        assertEquals(List.of(List.of("a"), List.of(""), List.of("  "), List.of("b")), fields(rows));
        assertTrue(rows.get(1).blank() && rows.get(2).blank());
        assertEquals(List.of(), Csv.parse(""));
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsLine() {
        List<Csv.Row> rows = Csv.parse("a,b\n1,\"never closed\n2,3\n");
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).unterminated());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("2", "3"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
    }

    @Test
    void textAfterAClosingQuoteIsKeptAndNoted() {
        List<Csv.Row> rows = Csv.parse("x,\"a\"b,c\n");
        assertEquals(List.of("x", "ab", "c"), rows.getFirst().fields());
        assertEquals("text after a closing quote in field 2", rows.getFirst().error());
    }

    @Test
    void aQuoteThatSwallowedLinesAndThenStrayTextIsUnterminated() {
        List<Csv.Row> rows = Csv.parse("1,\"open\n2,\"x\n3,4");
        assertEquals(List.of(1, 2, 3), rows.stream().map(Csv.Row::line).toList());
        assertTrue(rows.get(0).unterminated() && rows.get(1).unterminated());
        assertEquals(List.of("3", "4"), rows.get(2).fields());
    }
}
